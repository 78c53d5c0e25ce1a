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
     * @param address    the member's address
     * @param memberPort its member API port
     * @param timeout    how long to wait for the whole answer
     * @throws RequestException UNAVAILABLE when the member cannot be reached or does not answer in time
     */
    Map<String, NodeResult> forward(String member, String address, int memberPort, NodeOperation operation,
                                    List<String> nodes, Duration timeout);
}
