package org.confluentcollective.server.api;

import java.util.List;

/**
 * Nodes without a live manager.
 *
 * @param nodes     naturally sorted
 * @param noderange the same nodes spelled short ({@code n[1-3],r2u4}); empty for none
 */
public record UnmanagedNodes(List<String> nodes, String noderange) {

    public UnmanagedNodes {
        nodes = List.copyOf(nodes);
    }
}
