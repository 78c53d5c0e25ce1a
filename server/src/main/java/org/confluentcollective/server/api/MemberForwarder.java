package org.confluentcollective.server.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends a share of a node operation to the member that manages those nodes, over the member
 * channel (mutual TLS, pinned certificates). The transport is web's; routing only says what.
 */
public interface MemberForwarder {

    /**
     * Runs {@code operation} for {@code nodes} on {@code member} and returns its answer for them.
     *
     * @param member  where the member is reached and the certificate it must present
     * @param timeout how long to wait for the whole answer
     * @throws RequestException UNAVAILABLE when the member cannot be reached or does not answer in time
     */
    Map<String, NodeResult> forward(MemberAddress member, NodeOperation operation, List<String> nodes,
                                    Duration timeout);
}
