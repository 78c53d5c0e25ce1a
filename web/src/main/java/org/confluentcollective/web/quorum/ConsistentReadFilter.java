package org.confluentcollective.web.quorum;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.confluentcollective.server.api.NodeDatabase;

/**
 * {@code ?consistent=true} on a read: first bring this member's copy up to everything the
 * collective committed before the request (design.md §4). Without a quorum the read fails
 * with 503 {@code no quorum} instead of answering from a stale copy.
 */
public final class ConsistentReadFilter implements ContainerRequestFilter {

    /** Set on a request whose read caught up with the collective: its answer is not stale. */
    static final String CAUGHT_UP = ConsistentReadFilter.class.getName() + ".caughtUp";

    private final NodeDatabase database;

    public ConsistentReadFilter(NodeDatabase database) {
        this.database = database;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod())
                && "true".equalsIgnoreCase(request.getUriInfo().getQueryParameters().getFirst("consistent"))) {
            database.awaitCurrent();
            request.setProperty(CAUGHT_UP, Boolean.TRUE);
        }
    }
}
