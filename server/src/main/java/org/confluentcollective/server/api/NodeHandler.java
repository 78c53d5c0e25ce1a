package org.confluentcollective.server.api;

import java.util.List;
import java.util.Map;

/**
 * Runs node operations on this member, for nodes it manages (hardware management implements it).
 * It must answer every node it is given, and within a bounded time per node: a slow or broken
 * BMC yields that node's error, never an exception for the request.
 */
public interface NodeHandler {

    /** Whether this handler knows the operation (a path it does not serve is a 404 for the caller). */
    boolean handles(NodeOperation operation);

    /** The resource paths it serves ({@code power/state}, ...), for the listings of a node's resources. */
    List<String> resources();

    /**
     * Checks the operation's input before anything runs or is forwarded.
     *
     * @throws RequestException BAD_REQUEST naming what is wrong with the input
     */
    void validate(NodeOperation operation);

    /** Runs the operation for each node; the map holds one result per node given. */
    Map<String, NodeResult> run(NodeOperation operation, List<String> nodes);
}
