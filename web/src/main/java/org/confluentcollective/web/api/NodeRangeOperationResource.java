package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confluentcollective.server.api.NodeNames;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeOperations;

/**
 * {@code /noderange/<nr>/<resource>}: a node operation for every node of a noderange, answered as
 * {@code databynode}; a failed node is an entry of it, never a failure of the request. Any path
 * but {@code nodes}, {@code attributes} (NodeRangeResource's) and {@code deployment}
 * (NodeDeploymentResource's) comes here.
 */
@Path("noderange/{noderange}/{resource: (?!(?:nodes|attributes|deployment)(?:/|$)).+}")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class NodeRangeOperationResource {

    private final NodeNames names;
    private final NodeOperationRequests requests;
    private final NodeResources resources;

    @Inject
    public NodeRangeOperationResource(NodeNames names, NodeOperations operations) {
        this.names = names;
        this.requests = new NodeOperationRequests(operations);
        this.resources = new NodeResources(operations);
    }

    /** Every node's answer, or the listing of a sub-collection of node operations ({@code power/}). */
    @GET
    public ObjectNode read(@PathParam("noderange") String noderange, @PathParam("resource") String resource) {
        var collection = resources.collection(resource);
        if (collection.isPresent()) {
            names.expand(noderange);
            return collection.get();
        }
        return NodeOperationRequests.dataByNode(
                requests.run(NodeOperation.read(resource), names.expand(noderange), false));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode change(@PathParam("noderange") String noderange, @PathParam("resource") String resource,
                             JsonNode body) {
        NodeOperation operation = NodeOperationRequests.change(resource, body);
        return NodeOperationRequests.dataByNode(requests.run(operation, names.expandForChange(noderange), false));
    }
}
