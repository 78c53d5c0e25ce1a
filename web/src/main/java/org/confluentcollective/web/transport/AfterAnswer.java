package org.confluentcollective.web.transport;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a request leaves for after its answer has been written (or has failed to be): a join or
 * a recovery restarts the member, which must not cut off the answer that announces it. Jetty
 * reports the end of each exchange; a resource finds this request's instance among the request
 * attributes.
 */
public final class AfterAnswer {

    /** The request attribute holding this request's instance. */
    public static final String ATTRIBUTE = AfterAnswer.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(AfterAnswer.class);

    private final List<Runnable> actions = new ArrayList<>();

    private AfterAnswer() {
    }

    /**
     * Runs {@code action} once the answer to the request that carries {@code attribute} is
     * written; at once when there is none (the request did not come through {@link ApiServer}).
     */
    public static void then(Object attribute, Runnable action) {
        if (attribute instanceof AfterAnswer after) {
            after.add(action);
        } else {
            action.run();
        }
    }

    private synchronized void add(Runnable action) {
        actions.add(action);
    }

    private void run() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(actions);
            actions.clear();
        }
        for (Runnable action : due) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("work after an answer failed", e);
            }
        }
    }

    /** Gives every request its instance and runs it when Jetty has completed the exchange. */
    static final class Installer extends Handler.Wrapper {

        Installer(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            AfterAnswer after = new AfterAnswer();
            request.setAttribute(ATTRIBUTE, after);
            Request.addCompletionListener(request, failure -> after.run());
            return super.handle(request, response, callback);
        }
    }
}
