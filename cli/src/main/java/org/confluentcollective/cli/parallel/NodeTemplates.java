package org.confluentcollective.cli.parallel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confluentcollective.cli.output.Answers;
import org.confluentcollective.cli.output.DataByNode;
import org.confluentcollective.cli.output.Output;
import org.confluentcollective.cli.transport.ApiClient;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ApiPath;
import org.confluentcollective.cli.transport.ConnectionException;

/** Asks the server for a noderange's nodes, or for a template evaluated for each of them. */
final class NodeTemplates {

    /** Node → its text, in the server's (natural) order, and node → why it has none. */
    record Evaluated(Map<String, String> byNode, Map<String, String> errors) {
        boolean failed() {
            return !errors.isEmpty();
        }
    }

    private NodeTemplates() {
    }

    static String noderange(String noderange) {
        return "/noderange/" + ApiPath.segment(noderange) + "/";
    }

    static List<String> nodes(ApiClient api, String noderange) throws ApiException, ConnectionException {
        return Answers.itemNames(api.get(noderange(noderange) + "nodes/"));
    }

    /**
     * POST {@code /noderange/NR/attributes/expression}: the template's {@code {node}}, {@code {n1}}
     * and attribute references evaluated per node. A node whose evaluation failed is reported as
     * {@code n1: Error: ...} and left out.
     */
    static Evaluated evaluate(ApiClient api, Output output, String noderange, String template)
            throws ApiException, ConnectionException {
        ObjectNode body = output.mapper().createObjectNode().put("expression", template);
        JsonNode answer = api.post(noderange(noderange) + "attributes/expression", body);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> node : DataByNode.of(answer).nodes().entrySet()) {
            JsonNode fields = node.getValue();
            if (fields.hasNonNull("value")) {
                values.put(node.getKey(), fields.get("value").asText());
            } else {
                String reason = fields.hasNonNull("broken") ? fields.get("broken").asText()
                        : fields.hasNonNull("error") ? fields.get("error").asText() : "the expression gave no value";
                output.error(node.getKey(), reason);
                errors.put(node.getKey(), reason);
            }
        }
        return new Evaluated(values, errors);
    }

    /**
     * The original's {@code -s NAME}: an expression when it holds {@code {}, else a suffix of the
     * node name ({@code -s -ib} is {@code {node}-ib}).
     */
    static String substitution(String name) {
        return name.contains("{") ? name : "{node}" + name;
    }
}
