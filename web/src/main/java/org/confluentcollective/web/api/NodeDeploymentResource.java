package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confluentcollective.server.api.DeploymentStatus;
import org.confluentcollective.server.api.NodeDeployment;
import org.confluentcollective.server.api.NodeNames;
import org.confluentcollective.server.api.RequestException;

/**
 * {@code /noderange/<nr>/deployment}: {@code nodedeploy}. GET shows each node's deployment
 * attributes, PUT {@code {"profile":P}} makes P pending and arms the node's key ({@code
 * {"redeploy":true}}: each node's own pending, staged or last profile), DELETE clears
 * the pending profile; answered as {@code databynode}. {@code deployment/lock}: GET each node's
 * {@code deployment.lock}, PUT {@code {"lock":"autolock|locked|unlocked"}} sets it, answered
 * {@code {"databynode":{"n1":{"lock":{"value":"locked"}}}}} as the original.
 */
@Path("noderange/{noderange}/deployment")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class NodeDeploymentResource {

    private final NodeNames names;
    private final NodeDeployment deployment;

    @Inject
    public NodeDeploymentResource(NodeNames names, NodeDeployment deployment) {
        this.names = names;
        this.deployment = deployment;
    }

    @GET
    public ObjectNode status(@PathParam("noderange") String noderange) {
        ObjectNode byNode = JsonNodeFactory.instance.objectNode();
        deployment.status(names.expand(noderange)).forEach((node, status) -> byNode.set(node, json(status)));
        return wrap(byNode);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode arm(@PathParam("noderange") String noderange, JsonNode body) {
        ObjectNode request = Bodies.object(body);
        JsonNode redeploy = request.get("redeploy");
        if (redeploy != null && !redeploy.isBoolean()) {
            throw RequestException.badRequest("'redeploy' must be true or false");
        }
        Map<String, String> armed = new LinkedHashMap<>();
        if (redeploy != null && redeploy.booleanValue()) {
            if (request.has("profile")) {
                throw RequestException.badRequest("redeploy cannot be used with a profile, it redeploys the current "
                        + "or pending profile");
            }
            armed.putAll(deployment.redeploy(names.expandForChange(noderange)));
        } else {
            String profile = Bodies.requiredText(request, "profile");
            List<String> nodes = names.expandForChange(noderange);
            deployment.arm(nodes, profile);
            nodes.forEach(node -> armed.put(node, profile));
        }
        ObjectNode byNode = JsonNodeFactory.instance.objectNode();
        armed.forEach((node, profile) -> byNode.putObject(node).put("pendingprofile", profile).put("apiarmed", "once"));
        return wrap(byNode);
    }

    @DELETE
    public ObjectNode clear(@PathParam("noderange") String noderange) {
        List<String> nodes = names.expandForChange(noderange);
        deployment.clear(nodes);
        ObjectNode byNode = JsonNodeFactory.instance.objectNode();
        nodes.forEach(node -> byNode.putObject(node).putNull("pendingprofile"));
        return wrap(byNode);
    }

    @GET
    @Path("lock")
    public ObjectNode locks(@PathParam("noderange") String noderange) {
        return locks(deployment.locks(names.expand(noderange)));
    }

    @PUT
    @Path("lock")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode lock(@PathParam("noderange") String noderange, JsonNode body) {
        String lock = Bodies.requiredText(Bodies.object(body), "lock");
        List<String> nodes = names.expandForChange(noderange);
        deployment.setLock(nodes, lock);
        return locks(deployment.locks(nodes));
    }

    private static ObjectNode locks(Map<String, String> locks) {
        ObjectNode byNode = JsonNodeFactory.instance.objectNode();
        locks.forEach((node, lock) -> byNode.putObject(node).putObject("lock").put("value", lock));
        return wrap(byNode);
    }

    private static ObjectNode json(DeploymentStatus status) {
        return JsonNodeFactory.instance.objectNode().put("pendingprofile", status.pendingProfile())
                .put("stagedprofile", status.stagedProfile()).put("profile", status.profile()).put("apiarmed", status.apiArmed()).put("state", status.state())
                .put("state_detail", status.stateDetail()).put("state_last_updated", status.lastUpdated())
                .put("bmc", status.hasBmc());
    }

    private static ObjectNode wrap(ObjectNode byNode) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("databynode", byNode);
        return answer;
    }
}
