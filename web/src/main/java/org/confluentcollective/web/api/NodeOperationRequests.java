package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.NodeResult;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.web.errors.ErrorBody;

/**
 * Node operations as REST carries them (docs/api.md, node operations): the operation a path and
 * body name, run through {@link NodeOperations}, and its per-node results as JSON answers.
 */
final class NodeOperationRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeOperations operations;

    NodeOperationRequests(NodeOperations operations) {
        this.operations = operations;
    }

    /** A PUT's operation: the body's fields are its input. */
    static NodeOperation change(String resource, JsonNode body) {
        return NodeOperation.change(resource, input(Bodies.object(body)));
    }

    /** The body's fields as JSON-compatible values (maps, lists, strings, numbers, booleans). */
    static Map<String, Object> input(ObjectNode body) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                throw RequestException.badRequest("'" + field.getKey() + "' must not be null");
            }
            input.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
        }
        return input;
    }

    /** Runs the operation, or refuses a resource no operation serves as not found before running anything. */
    SortedMap<String, NodeResult> run(NodeOperation operation, List<String> nodes, boolean forwarded) {
        if (!operations.handles(operation)) {
            throw RequestException.notFound("no such resource: " + operation.resource());
        }
        return operations.run(operation, nodes, forwarded);
    }

    /** {@code {"databynode":{"n1":{...},"n2":{"error":"...","errorcode":504}}}}, in the results' order. */
    static ObjectNode dataByNode(SortedMap<String, NodeResult> results) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode byNode = answer.putObject("databynode");
        results.forEach((node, result) -> byNode.set(node, JSON.valueToTree(result.toEntry())));
        return answer;
    }

    /**
     * One node's entry, flat; a failed node fails the request with its error code as the status
     * (500 when the code is no error status), keeping the code in the body.
     */
    static Response single(String node, SortedMap<String, NodeResult> results) {
        NodeResult result = results.get(node);
        if (result == null) {
            result = NodeResult.failed(500, "no result for node " + node);
        }
        if (!result.failed()) {
            return Response.ok(JSON.valueToTree(result.toEntry()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        int code = result.errorCode();
        int status = code >= 400 && code <= 599 ? code : 500;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, result.error())).build();
    }
}
