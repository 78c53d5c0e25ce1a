package org.confluentcollective.server.api;

import java.util.List;
import java.util.SortedMap;

/**
 * Node operations as a transport offers them: any member accepts any nodes, runs its own share
 * and forwards the rest to their managers ({@code collective.manager}), then answers every node
 * in natural order (design.md §5).
 */
public interface NodeOperations {

    /** Whether the operation names a resource that exists (else the transport answers 404). */
    boolean handles(NodeOperation operation);

    /**
     * The resource paths it serves ({@code power/state}, {@code identify}, ...), from which a
     * node's listing ({@code GET /nodes/<n>/}) and its sub-collections are made.
     */
    List<String> resources();

    /**
     * Runs the operation for the nodes.
     *
     * @param forwarded whether another member sent this share; it is then run here, never forwarded again
     * @return one result per node, in natural node order
     */
    SortedMap<String, NodeResult> run(NodeOperation operation, List<String> nodes, boolean forwarded);
}
