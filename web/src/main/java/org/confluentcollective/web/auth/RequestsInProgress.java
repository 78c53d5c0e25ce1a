package org.confluentcollective.web.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Bounds what one user can keep the member busy with: at most {@link #PER_USER} requests of one
 * authenticated user in progress at once over HTTPS (the root socket and members are not
 * counted). A request counts until its answer is written, streamed answers included: Jersey
 * reports the end of each request, and that releases it.
 */
public final class RequestsInProgress implements ApplicationEventListener {

    /** Requests one user may have in progress at once over HTTPS. */
    public static final int PER_USER = 8;

    private static final String HELD = RequestsInProgress.class.getName() + ".user";

    private final InFlightLimit requests = new InFlightLimit(PER_USER);

    /** Counts {@code request} against {@code user} until it ends, unless the user is at the limit. */
    boolean admit(ContainerRequestContext request, String user) {
        if (!requests.tryAcquire(user)) {
            return false;
        }
        request.setProperty(HELD, user);
        return true;
    }

    int perUser() {
        return requests.perKey();
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing at the application level
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        return event -> {
            if (event.getType() == RequestEvent.Type.FINISHED
                    && event.getContainerRequest().getProperty(HELD) instanceof String user) {
                event.getContainerRequest().removeProperty(HELD);
                requests.release(user);
            }
        };
    }
}
