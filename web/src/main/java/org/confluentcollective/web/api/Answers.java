package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.confluentcollective.server.RequestException;
import org.confluentcollective.server.attributes.AttributeInput;
import org.confluentcollective.server.attributes.AttributeSelection;
import org.confluentcollective.server.attributes.AttributeView;
import org.confluentcollective.server.database.NodeDatabase;
import org.confluentcollective.server.noderange.NodeRangeException;

/** Answer shapes shared by the resources. */
final class Answers {

    private Answers() {
    }

    /**
     * Defines nodes from a POST body. The names are input here, not a path naming existing
     * nodes, so a malformed one is a bad request (400) rather than "not found".
     */
    static Response defineNodes(NodeDatabase database, JsonNode body) {
        ObjectNode request = Bodies.object(body);
        String names = Bodies.requiredText(request, "name");
        Map<String, AttributeInput> attributes = AttributeJson.inputs(request, Set.of("name"));
        try {
            return created(database.defineNodes(names, attributes));
        } catch (NodeRangeException e) {
            throw RequestException.badRequest(e.getMessage());
        }
    }

    static Response created(List<String> names) {
        return Response.status(Response.Status.CREATED).entity(names("created", names)).build();
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

    /** Appends one {@code {node: {attr: view}}} element per attribute. */
    static void addByNode(ArrayNode databynode, String node, Map<String, AttributeView> views) {
        views.forEach((name, view) -> databynode.addObject().putObject(node).set(name, AttributeJson.view(view)));
    }

    static void addWarnings(ObjectNode target, List<String> warnings) {
        if (warnings != null && !warnings.isEmpty()) {
            ArrayNode list = target.putArray("_warnings");
            warnings.forEach(list::add);
        }
    }
}
