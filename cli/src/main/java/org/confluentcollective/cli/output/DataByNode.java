package org.confluentcollective.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code databynode} answer merged per node: the server sends one element per node and attribute
 * ({@code [{"n1":{"a":...}},{"n1":{"b":...}}]}); this keeps the nodes in the order they first appear
 * (the server's natural order) and merges each node's fields.
 */
public final class DataByNode {

    private final Map<String, ObjectNode> nodes = new LinkedHashMap<>();

    public static DataByNode of(JsonNode answer) {
        DataByNode merged = new DataByNode();
        merged.add(answer);
        return merged;
    }

    /** Merges another answer in, e.g. from the next line of a batch file. */
    public void add(JsonNode answer) {
        for (JsonNode element : answer.path("databynode")) {
            element.fields().forEachRemaining(entry -> {
                ObjectNode fields = nodes.computeIfAbsent(entry.getKey(), n -> JsonNodeFactory.instance.objectNode());
                if (entry.getValue().isObject()) {
                    mergeInto(fields, (ObjectNode) entry.getValue());
                }
            });
        }
    }

    static void mergeInto(ObjectNode fields, ObjectNode more) {
        more.fields().forEachRemaining(field -> {
            JsonNode existing = fields.get(field.getKey());
            if (field.getKey().equals(NodeFields.WARNINGS) && existing != null && existing.isArray()
                    && field.getValue().isArray()) {
                ((ArrayNode) existing).addAll((ArrayNode) field.getValue());
            } else {
                fields.set(field.getKey(), field.getValue());
            }
        });
    }

    /** Node name → its merged fields, in the server's order. */
    public Map<String, ObjectNode> nodes() {
        return Collections.unmodifiableMap(nodes);
    }

    /** The merged form printed by {@code -o json}: {@code {"n1":{...},"n2":{...}}}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        nodes.forEach(json::set);
        return json;
    }
}
