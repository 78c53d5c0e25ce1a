package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.NodeOperations;

/** {@code /nodes/}: single nodes, answered as flat maps. */
@Path("nodes")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class NodesResource {

    private final NodeDatabase database;
    private final NodeResources resources;

    @Inject
    public NodesResource(NodeDatabase database, NodeOperations operations) {
        this.database = database;
        this.resources = new NodeResources(operations);
    }

    @GET
    public ObjectNode list() {
        return Links.directories(database.nodes());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response define(JsonNode body) {
        return Answers.defineNode(database, body);
    }

    @GET
    @Path("{node}")
    public ObjectNode node(@PathParam("node") String node) {
        requireNode(node);
        return resources.node();
    }

    @DELETE
    @Path("{node}")
    public ObjectNode remove(@PathParam("node") String node) {
        requireNodeForChange(node);
        database.removeNodes(List.of(node));
        return Answers.deleted(List.of(node));
    }

    @GET
    @Path("{node}/attributes")
    public ObjectNode attributeViews(@PathParam("node") String node) {
        requireNode(node);
        return Links.collection(List.of("all", "current"));
    }

    @GET
    @Path("{node}/attributes/{view: all|current}")
    public ObjectNode attributes(@PathParam("node") String node, @PathParam("view") String view,
                                @QueryParam("attr") List<String> patterns) {
        return AttributeJson.flat(database.nodeAttributes(node, Answers.selection(view, patterns)));
    }

    @PUT
    @Path("{node}/attributes/{view: all|current}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode change(@PathParam("node") String node, JsonNode body) {
        Map<String, AttributeInput> changes = AttributeChanges.of(body);
        requireNodeForChange(node);
        Map<String, List<String>> warnings = database.updateNodes(List.of(node), changes);
        ObjectNode answer = AttributeJson.flat(database.nodeAttributes(node, Answers.changed(changes)));
        Answers.addWarnings(answer, warnings.get(node));
        return answer;
    }

    private void requireNodeForChange(String node) {
        if (!database.nodeExistsForChange(node)) {
            throw RequestException.notFound("no such node: " + node);
        }
    }

    private void requireNode(String node) {
        if (!database.nodeExists(node)) {
            throw RequestException.notFound("no such node: " + node);
        }
    }
}
