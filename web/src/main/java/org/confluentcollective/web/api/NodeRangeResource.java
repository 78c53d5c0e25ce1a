package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.web.json.JsonStream;

/**
 * {@code /noderange/<nr>/}: many nodes at once, answered as {@code databynode} lists. The
 * noderange is one percent-decoded path segment (it may contain an encoded {@code /}).
 */
@Path("noderange")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class NodeRangeResource {

    private final NodeDatabase database;
    private final NodeResources resources;

    @Inject
    public NodeRangeResource(NodeDatabase database, NodeOperations operations) {
        this.database = database;
        this.resources = new NodeResources(operations);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response define(JsonNode body) {
        return Answers.defineNodes(database, body);
    }

    @GET
    @Path("{noderange}")
    public ObjectNode range(@PathParam("noderange") String noderange) {
        database.expand(noderange);
        return resources.noderange();
    }

    @DELETE
    @Path("{noderange}")
    public ObjectNode remove(@PathParam("noderange") String noderange) {
        List<String> nodes = database.expandForChange(noderange);
        database.removeNodes(nodes);
        return Answers.deleted(nodes);
    }

    @GET
    @Path("{noderange}/nodes")
    public ObjectNode nodes(@PathParam("noderange") String noderange) {
        return Links.directories(database.expand(noderange));
    }

    @GET
    @Path("{noderange}/attributes")
    public ObjectNode attributeViews(@PathParam("noderange") String noderange) {
        database.expand(noderange);
        return Links.collection(List.of("all", "current", "expression", "rename"));
    }

    /**
     * Streamed (see {@link JsonStream}): the answer for 100,000 nodes is hundreds of MB, and
     * built whole it held the heap and stalled the member's own ZooKeeper session in GC.
     * The noderange and the attribute names are checked before the first byte.
     */
    @GET
    @Path("{noderange}/attributes/{view: all|current}")
    public JsonStream attributes(@PathParam("noderange") String noderange, @PathParam("view") String view,
                                 @QueryParam("attr") List<String> patterns) {
        var selection = Answers.selection(view, patterns);
        List<String> nodes = database.expand(noderange);
        database.checkSelection(selection);
        return json -> Answers.writeDataByNode(json, nodes,
                node -> database.findNodeAttributes(node, selection).orElse(Collections.emptySortedMap()), node -> List.of());
    }

    /** The change is made before the first byte; only its answer is streamed. */
    @PUT
    @Path("{noderange}/attributes/{view: all|current}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonStream change(@PathParam("noderange") String noderange, JsonNode body) {
        Map<String, AttributeInput> changes = AttributeChanges.of(body);
        List<String> nodes = database.expandForChange(noderange);
        Map<String, List<String>> warnings = database.updateNodes(nodes, changes);
        var changed = Answers.changed(changes);
        return json -> Answers.writeDataByNode(json, nodes,
                node -> database.findNodeAttributes(node, changed).orElse(Collections.emptySortedMap()), warnings::get);
    }

    @PUT
    @Path("{noderange}/attributes/rename")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode rename(@PathParam("noderange") String noderange, JsonNode body) {
        String newName = Bodies.requiredText(Bodies.object(body), "rename");
        List<String> nodes = database.expandForChange(noderange);
        Map<String, String> renamed = database.renameNodes(nodes, newName);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode databynode = answer.putArray("databynode");
        for (String node : nodes) {
            String to = renamed.get(node);
            if (to != null) {
                databynode.addObject().putObject(node).putObject("rename").put("value", to);
            }
        }
        return answer;
    }

    /** Evaluates an expression per node without storing anything. */
    @POST
    @Path("{noderange}/attributes/expression")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode evaluate(@PathParam("noderange") String noderange, JsonNode body) {
        String expression = Bodies.requiredTextOrEmpty(Bodies.object(body), "expression");
        List<String> nodes = database.expand(noderange);
        Map<String, Evaluation> results = database.evaluate(nodes, expression);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode databynode = answer.putArray("databynode");
        for (String node : nodes) {
            Evaluation result = results.get(node);
            if (result != null) {
                ObjectNode element = databynode.addObject().putObject(node);
                if (result.isBroken()) {
                    element.put("broken", result.broken());
                } else {
                    element.put("value", result.value());
                }
            }
        }
        return answer;
    }
}
