package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.confluentcollective.server.api.NodeNames;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.RequestException;

/**
 * {@code /nodes/<n>/<resource>}: a node operation for one node ({@code power/state}, ...),
 * answered with the node's entry itself. Any path but {@code attributes} (NodesResource's) comes
 * here, so operations added to {@link NodeOperations} need no change in web.
 */
@Path("nodes/{node}/{resource: (?!attributes(?:/|$)).+}")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class NodeOperationResource {

    private final NodeNames names;
    private final NodeOperationRequests requests;
    private final NodeResources resources;

    @Inject
    public NodeOperationResource(NodeNames names, NodeOperations operations) {
        this.names = names;
        this.requests = new NodeOperationRequests(operations);
        this.resources = new NodeResources(operations);
    }

    /** A node operation's answer, or the listing of a sub-collection of them ({@code power/}). */
    @GET
    public Response read(@PathParam("node") String node, @PathParam("resource") String resource) {
        requireNode(names.nodeExists(node), node);
        var collection = resources.collection(resource);
        if (collection.isPresent()) {
            return Response.ok(collection.get(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return NodeOperationRequests.single(node, requests.run(NodeOperation.read(resource), List.of(node), false));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("node") String node, @PathParam("resource") String resource, JsonNode body) {
        NodeOperation operation = NodeOperationRequests.change(resource, body);
        requireNode(names.nodeExistsForChange(node), node);
        return NodeOperationRequests.single(node, requests.run(operation, List.of(node), false));
    }

    private static void requireNode(boolean exists, String node) {
        if (!exists) {
            throw RequestException.notFound("no such node: " + node);
        }
    }
}
