package org.confluentcollective.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Prints attribute views of nodes or groups as lines, attributes sorted; errors and warnings to stderr. */
public final class AttributePrinter {

    private final Output output;
    private final boolean blame;

    public AttributePrinter(Output output, boolean blame) {
        this.output = output;
        this.blame = blame;
    }

    /**
     * Prints every node of a merged answer, as lines or (with {@code -o json}) as one JSON object;
     * per-node errors always also go to stderr.
     *
     * @return whether any node reported an error
     */
    public boolean print(DataByNode data) {
        if (output.json()) {
            output.printJson(data.toJson());
            boolean failed = false;
            for (Map.Entry<String, ObjectNode> node : data.nodes().entrySet()) {
                Optional<String> error = NodeFields.error(node.getValue());
                error.ifPresent(e -> output.error(node.getKey(), e));
                failed |= error.isPresent();
            }
            return failed;
        }
        boolean failed = false;
        for (Map.Entry<String, ObjectNode> node : data.nodes().entrySet()) {
            failed |= printOwner(node.getKey(), node.getValue());
        }
        return failed;
    }

    /**
     * Prints one node's or group's fields.
     *
     * @return whether it reported an error
     */
    public boolean printOwner(String owner, JsonNode fields) {
        NodeFields.warnings(fields).forEach(w -> output.warning(owner, w));
        Optional<String> error = NodeFields.error(fields);
        if (error.isPresent()) {
            output.error(owner, error.get());
            return true;
        }
        Map<String, JsonNode> sorted = new TreeMap<>();
        fields.fields().forEachRemaining(f -> {
            if (NodeFields.isAttribute(f.getKey())) {
                sorted.put(f.getKey(), f.getValue());
            }
        });
        sorted.forEach((attribute, view) -> output.line(AttributeText.line(owner, attribute, view, blame)));
        return false;
    }
}
