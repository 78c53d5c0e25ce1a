package org.confluentcollective.web.quorum;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.confluentcollective.server.api.QuorumStatus;

/**
 * Marks every answer given while this member has no quorum: its data is the last-known copy
 * and may be out of date (design.md §2). Clients show a warning; changes are refused anyway.
 * The state is checked when the request arrives and again when it is answered, so a read that
 * began during lock-down is marked even if the member unlocked meanwhile. A consistent read
 * that caught up with the collective is current, whatever happened after.
 */
@PreMatching
public final class StaleReadMarker implements ContainerRequestFilter, ContainerResponseFilter {

    /** Present, with the value {@code true}, on answers served during lock-down. */
    public static final String HEADER = "X-Confluent-Stale";

    private static final String LOCKED_AT_START = StaleReadMarker.class.getName() + ".lockedAtStart";

    private final QuorumStatus quorum;

    public StaleReadMarker(QuorumStatus quorum) {
        this.quorum = quorum;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!quorum.hasQuorum()) {
            request.setProperty(LOCKED_AT_START, Boolean.TRUE);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ConsistentReadFilter.CAUGHT_UP) != null) {
            return;
        }
        if (request.getProperty(LOCKED_AT_START) != null || !quorum.hasQuorum()) {
            response.getHeaders().putSingle(HEADER, "true");
        }
    }
}
