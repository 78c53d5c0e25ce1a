package org.confluentcollective.web.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.SortedMap;
import org.confluentcollective.server.api.NodeDeployment;
import org.confluentcollective.server.api.RequestException;

/**
 * {@code /self/*}: calls of a booted node about itself. {@code POST /self/apikey} (header
 * {@code CONFLUENT_NODENAME}) hands out the node's key while {@code nodedeploy} has it armed;
 * {@code POST /self/updatestatus} (headers {@code CONFLUENT_NODENAME}, {@code CONFLUENT_APIKEY};
 * body {@code {"status","state","state_detail"}}) reports progress with it, and
 * {@code GET /self/deploycfg} (the same headers) gives the installer its settings. No shared secret:
 * each key is random, per node, and only its hash is stored.
 */
@Path("self")
@Singleton
public final class SelfResource {

    static final String NODE_HEADER = "CONFLUENT_NODENAME";
    static final String KEY_HEADER = "CONFLUENT_APIKEY";

    private final NodeDeployment deployment;

    @Inject
    public SelfResource(NodeDeployment deployment) {
        this.deployment = deployment;
    }

    /** The key as the body's only line (what a shell script can read without a JSON parser). */
    @POST
    @Path("apikey")
    @Produces(MediaType.TEXT_PLAIN)
    public String apiKey(@HeaderParam(NODE_HEADER) String node, @Context HttpServletRequest request) {
        return deployment.issueApiKey(required(node, NODE_HEADER), request.getRemoteAddr()) + "\n";
    }

    @POST
    @Path("updatestatus")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode updateStatus(@HeaderParam(NODE_HEADER) String node, @HeaderParam(KEY_HEADER) String key,
                                  JsonNode body, @Context HttpServletRequest request) {
        if (body == null || !body.isObject()) {
            throw RequestException.badRequest("the request body must be a JSON object");
        }
        deployment.updateStatus(required(node, NODE_HEADER), key, request.getRemoteAddr(),
                new NodeDeployment.StatusReport(text(body, "status"), text(body, "state"),
                        text(body, "state_detail")));
        return JsonNodeFactory.instance.objectNode().put("updated", node);
    }

    /**
     * What the installer needs ({@link NodeDeployment#deployConfig}): YAML as the original's
     * default, JSON when the client accepts JSON and not YAML.
     */
    @GET
    @Path("deploycfg")
    @Produces({"application/yaml", MediaType.APPLICATION_JSON})
    public Response deployConfig(@HeaderParam(NODE_HEADER) String node, @HeaderParam(KEY_HEADER) String key,
                                 @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context HttpServletRequest request) {
        SortedMap<String, Object> config = deployment.deployConfig(required(node, NODE_HEADER), key,
                request.getRemoteAddr(), request.getLocalAddr());
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains("yaml")) {
            return Response.ok(json(config).toString(), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(yaml(config), "application/yaml").build();
    }

    private static ObjectNode json(SortedMap<String, Object> config) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        config.forEach((name, value) -> {
            if (value instanceof List<?> items) {
                items.forEach(item -> json.withArray(name).add(String.valueOf(item)));
                json.withArray(name);
            } else if (value instanceof Boolean flag) {
                json.put(name, flag);
            } else if (value instanceof Integer number) {
                json.put(name, number);
            } else {
                json.put(name, (String) value);
            }
        });
        return json;
    }

    /** A flat map of scalars and string lists; strings double-quoted as JSON, which YAML reads alike. */
    static String yaml(SortedMap<String, Object> config) {
        StringBuilder yaml = new StringBuilder();
        config.forEach((name, value) -> {
            yaml.append(name).append(':');
            if (value instanceof List<?> items) {
                if (items.isEmpty()) {
                    yaml.append(" []");
                }
                items.forEach(item -> yaml.append("\n- ").append(scalar(item)));
            } else {
                yaml.append(' ').append(scalar(value));
            }
            yaml.append('\n');
        });
        return yaml.toString();
    }

    private static String scalar(Object value) {
        return value instanceof String text ? JsonNodeFactory.instance.textNode(text).toString() : String.valueOf(value);
    }

    private static String required(String header, String name) {
        if (header == null || header.isBlank()) {
            throw new RequestException(RequestException.Kind.FORBIDDEN, "the " + name + " header is required");
        }
        return header.strip();
    }

    private static String text(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RequestException.badRequest("'" + key + "' must be a string");
        }
        return value.textValue();
    }
}
