package org.confluentcollective.web.quorum;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.confluentcollective.server.collective.QuorumStatus;

/**
 * Marks every answer given while this member has no quorum: its data is the last-known copy
 * and may be out of date (design.md §2). Clients show a warning; changes are refused anyway.
 */
public final class StaleReadMarker implements ContainerResponseFilter {

    /** Present, with the value {@code true}, on answers served during lock-down. */
    public static final String HEADER = "X-Confluent-Stale";

    private final QuorumStatus quorum;

    public StaleReadMarker(QuorumStatus quorum) {
        this.quorum = quorum;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!quorum.hasQuorum()) {
            response.getHeaders().putSingle(HEADER, "true");
        }
    }
}
