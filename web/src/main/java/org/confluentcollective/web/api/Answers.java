package org.confluentcollective.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.Defined;
import org.confluentcollective.server.api.NodeRangeException;

/** Answer shapes shared by the resources. */
final class Answers {

    private Answers() {
    }

    /**
     * Defines nodes from a POST body. The names are input here, not a path naming existing
     * nodes, so a malformed one is a bad request (400) rather than "not found".
     */
    static Response defineNodes(NodeDatabase database, JsonNode body) {
        return define(body, database::defineNodes);
    }

    /**
     * Defines one node from a POST body to {@code /nodes/}: the name is taken literally, as the
     * original does ({@code n1-n2} is one node of that name; ranges belong to {@code /noderange/}).
     */
    static Response defineNode(NodeDatabase database, JsonNode body) {
        return define(body, database::defineNode);
    }

    private static Response define(JsonNode body,
                                   java.util.function.BiFunction<String, Map<String, AttributeInput>, Defined> how) {
        ObjectNode request = Bodies.object(body);
        String names = Bodies.requiredText(request, "name");
        Map<String, AttributeInput> attributes = AttributeJson.inputs(request, Set.of("name"));
        try {
            Defined defined = how.apply(names, attributes);
            ObjectNode answer = names("created", defined.names());
            addWarnings(answer, defined.warnings());
            return Response.status(Response.Status.CREATED).entity(answer).build();
        } catch (NodeRangeException e) {
            throw RequestException.badRequest(e.getMessage());
        }
    }

    static Response created(List<String> names) {
        return Response.status(Response.Status.CREATED).entity(createdBody(names)).build();
    }

    static ObjectNode createdBody(List<String> names) {
        return names("created", names);
    }

    static ObjectNode deleted(List<String> names) {
        return names("deleted", names);
    }

    private static ObjectNode names(String key, List<String> names) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode list = json.putArray(key);
        names.forEach(list::add);
        return json;
    }

    /** {@code all} lists unset catalog attributes too; {@code attr} restricts by names or globs. */
    static AttributeSelection selection(String view, List<String> patterns) {
        return new AttributeSelection("all".equals(view), patterns == null ? List.of() : patterns);
    }

    /** After a change: the changed attributes only, cleared ones shown as unset. */
    static AttributeSelection changed(Map<String, ?> changes) {
        return new AttributeSelection(true, List.copyOf(changes.keySet()));
    }

    /**
     * Writes {@code {"databynode":[...]}} node by node: one {@code {node: {attr: view}}} element
     * per attribute, then {@code {node: {"_warnings": [...]}}} if the node has any. Only one
     * node's views are held at a time.
     */
    static void writeDataByNode(JsonGenerator json, List<String> nodes,
                                Function<String, Map<String, AttributeView>> views,
                                Function<String, List<String>> warnings) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("databynode");
        for (String node : nodes) {
            for (Map.Entry<String, AttributeView> view : views.apply(node).entrySet()) {
                json.writeStartObject();
                json.writeObjectFieldStart(node);
                json.writeFieldName(view.getKey());
                json.writeTree(AttributeJson.view(view.getValue()));
                json.writeEndObject();
                json.writeEndObject();
            }
            List<String> nodeWarnings = warnings.apply(node);
            if (nodeWarnings != null && !nodeWarnings.isEmpty()) {
                json.writeStartObject();
                json.writeObjectFieldStart(node);
                json.writeArrayFieldStart("_warnings");
                for (String warning : nodeWarnings) {
                    json.writeString(warning);
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void addWarnings(ObjectNode target, List<String> warnings) {
        if (warnings != null && !warnings.isEmpty()) {
            ArrayNode list = target.putArray("_warnings");
            warnings.forEach(list::add);
        }
    }
}
