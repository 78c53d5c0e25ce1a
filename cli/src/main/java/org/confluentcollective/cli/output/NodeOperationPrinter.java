package org.confluentcollective.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints node operation answers, {@code {"databynode":{"n1":{...},"n2":{"error":...}}}}, as the
 * original tools do: {@code n1: ...} lines in the server's (natural) order, and a failed node as
 * {@code n2: Error: ...} on stderr without stopping the others. With {@code -o json}, the
 * {@code databynode} object as it came.
 */
public final class NodeOperationPrinter {

    /** The lines (without the {@code node: } prefix) a node's entry prints as. */
    @FunctionalInterface
    public interface Lines {
        List<String> of(JsonNode entry);
    }

    private final Output output;

    public NodeOperationPrinter(Output output) {
        this.output = output;
    }

    /** Prints the answer; returns whether any node failed. */
    public boolean print(JsonNode answer, Lines lines) {
        JsonNode byNode = answer.path("databynode");
        if (output.json()) {
            output.printJson(byNode.isObject() ? byNode : output.mapper().createObjectNode());
        }
        boolean failed = false;
        for (Map.Entry<String, JsonNode> node : entries(answer).entrySet()) {
            Optional<String> error = NodeFields.error(node.getValue());
            if (error.isPresent()) {
                output.error(node.getKey(), error.get());
                failed = true;
            } else if (!output.json()) {
                lines.of(node.getValue()).forEach(line -> output.line(node.getKey() + ": " + line));
            }
        }
        return failed;
    }

    /** Node name → its entry, in the answer's order. */
    public static Map<String, JsonNode> entries(JsonNode answer) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        JsonNode byNode = answer.path("databynode");
        if (byNode instanceof ObjectNode object) {
            object.fields().forEachRemaining(entry -> entries.put(entry.getKey(), entry.getValue()));
        }
        return entries;
    }

    /** {@code {"field":{"value":x}}} → x as text, or empty when the field is missing or null. */
    public static Optional<String> value(JsonNode entry, String field) {
        JsonNode value = entry.path(field).path("value");
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
