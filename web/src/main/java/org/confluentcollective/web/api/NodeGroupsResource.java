package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.NodeDatabase;

/** {@code /nodegroups/}: groups, answered as flat maps that include their {@code nodes}. */
@Path("nodegroups")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class NodeGroupsResource {

    private final NodeDatabase database;

    @Inject
    public NodeGroupsResource(NodeDatabase database) {
        this.database = database;
    }

    @GET
    public ObjectNode list() {
        return Links.directories(database.groups());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response define(JsonNode body) {
        ObjectNode request = Bodies.object(body);
        String name = Bodies.requiredText(request, "name");
        List<String> warnings = database.defineGroup(name, AttributeJson.inputs(request, Set.of("name")));
        ObjectNode answer = Answers.createdBody(List.of(name));
        Answers.addWarnings(answer, warnings);
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }

    @GET
    @Path("{group}")
    public ObjectNode group(@PathParam("group") String group) {
        requireGroup(group);
        return Links.directories(List.of("attributes"));
    }

    @DELETE
    @Path("{group}")
    public ObjectNode remove(@PathParam("group") String group) {
        requireGroupForChange(group);
        database.removeGroup(group);
        return Answers.deleted(List.of(group));
    }

    @GET
    @Path("{group}/attributes")
    public ObjectNode attributeViews(@PathParam("group") String group) {
        requireGroup(group);
        return Links.collection(List.of("all", "current", "rename"));
    }

    @GET
    @Path("{group}/attributes/{view: all|current}")
    public ObjectNode attributes(@PathParam("group") String group, @PathParam("view") String view,
                                 @QueryParam("attr") List<String> patterns) {
        return AttributeJson.flat(database.groupAttributes(group, Answers.selection(view, patterns)));
    }

    @PUT
    @Path("{group}/attributes/{view: all|current}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode change(@PathParam("group") String group, JsonNode body) {
        Map<String, AttributeInput> changes = AttributeChanges.of(body);
        requireGroupForChange(group);
        List<String> warnings = database.updateGroup(group, changes);
        ObjectNode answer = AttributeJson.flat(database.groupAttributes(group, Answers.changed(changes)));
        Answers.addWarnings(answer, warnings);
        return answer;
    }

    @PUT
    @Path("{group}/attributes/rename")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode rename(@PathParam("group") String group, JsonNode body) {
        String newName = Bodies.requiredText(Bodies.object(body), "rename");
        requireGroupForChange(group);
        List<String> warnings = database.renameGroup(group, newName);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("oldname", group);
        answer.put("newname", newName);
        Answers.addWarnings(answer, warnings);
        return answer;
    }

    private void requireGroupForChange(String group) {
        if (!database.groupExistsForChange(group)) {
            throw RequestException.notFound("no such group: " + group);
        }
    }

    private void requireGroup(String group) {
        if (!database.groupExists(group)) {
            throw RequestException.notFound("no such group: " + group);
        }
    }
}
