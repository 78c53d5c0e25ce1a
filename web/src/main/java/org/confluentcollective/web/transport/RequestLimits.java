package org.confluentcollective.web.transport;

import java.time.Duration;
import java.util.function.Predicate;
import org.confluentcollective.web.auth.RequestOrigin;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * Separate budgets for the connectors sharing one thread pool: requests from the network (users'
 * HTTPS) may hold at most {@code networkRequests} threads at once and the one unauthenticated
 * request, enrollment, at most {@code enrollRequests}, so that nobody without credentials can starve
 * the root socket or the member API. HTTPS requests over the budget wait (without a thread) for
 * up to {@code queueWait}, then get 503; enrollments over theirs get 503 at once. A body that stops arriving ends after {@code idleTimeout} (408).
 *
 * @param threads         the pool shared by all connectors
 * @param networkRequests concurrent HTTPS requests (must leave threads for the socket and members)
 * @param enrollRequests  concurrent {@code POST /collective/enroll}, counted within networkRequests
 * @param queueWait       how long a request over its budget waits before 503
 * @param idleTimeout     how long a connection (or a body) may send nothing
 */
public record RequestLimits(int threads, int networkRequests, int enrollRequests, Duration queueWait,
                            Duration idleTimeout) {

    public static final RequestLimits DEFAULT = new RequestLimits(64, 24, 8, Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    public RequestLimits {
        if (enrollRequests < 1 || networkRequests < enrollRequests || threads < networkRequests + 16) {
            throw new IllegalArgumentException("request budgets must leave threads to the socket and members: " + this);
        }
    }

    void configure(HttpConfiguration http) {
        http.setIdleTimeout(idleTimeout.toMillis());
    }

    /** {@code handler} behind the network budget, and enrollment behind its own within it. */
    Handler limit(Handler handler) {
        // Enrollments over the budget are refused at once: a joining member simply tries again.
        QoSHandler enroll = budget(handler, enrollRequests, 0, RequestLimits::isEnrollment);
        return budget(enroll, networkRequests, networkRequests * 4,
                request -> RequestOriginMarker.originOf(request) == RequestOrigin.NETWORK);
    }

    private QoSHandler budget(Handler handler, int requests, int waiting, Predicate<Request> applies) {
        QoSHandler qos = new QoSHandler(handler);
        qos.setMaxRequestCount(requests);
        qos.setMaxSuspend(queueWait);
        qos.setMaxSuspendedRequestCount(waiting);
        qos.include(applies);
        return qos;
    }

    private static boolean isEnrollment(Request request) {
        return RequestOriginMarker.originOf(request) == RequestOrigin.NETWORK && "POST".equals(request.getMethod())
                && "/collective/enroll".equals(Request.getPathInContext(request));
    }
}
