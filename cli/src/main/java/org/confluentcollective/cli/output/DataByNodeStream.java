package org.confluentcollective.cli.output;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a {@code databynode} answer as it arrives, node by node, instead of whole: the answer for
 * every attribute of 100,000 nodes is hundreds of MB, and this holds one node's fields at a time.
 *
 * <p>The server sends one element per node and attribute, a node's elements one after another and
 * nodes in natural order (docs/api.md). Consecutive elements of a node are merged as
 * {@link DataByNode} merges them, and the node is handed on once the next node's first element (or
 * the end of the list) shows it complete. The contract keeps a node's elements together; should a
 * node come back after another, it is handed on a second time with the later fields.
 */
public final class DataByNodeStream {

    /** Receives each node once its fields are complete, in the answer's order. */
    @FunctionalInterface
    public interface NodeSink {
        void node(String name, ObjectNode fields) throws IOException;
    }

    private DataByNodeStream() {
    }

    /**
     * Reads the answer from a parser positioned before its first token: {@code {"databynode":[...]}};
     * other top-level fields are skipped, and an empty body is an empty answer. A body that ends
     * before its JSON does fails with Jackson's {@code JsonEOFException}.
     */
    public static void read(JsonParser answer, NodeSink sink) throws IOException {
        JsonToken token = answer.nextToken();
        if (token == null) {
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            answer.skipChildren();
            return;
        }
        while ((token = answer.nextToken()) == JsonToken.FIELD_NAME) {
            String field = answer.currentName();
            token = answer.nextToken();
            if (field.equals("databynode") && token == JsonToken.START_ARRAY) {
                readElements(answer, sink);
            } else {
                answer.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw truncated(answer);
        }
    }

    private static void readElements(JsonParser answer, NodeSink sink) throws IOException {
        String current = null;
        ObjectNode fields = null;
        JsonToken token;
        while ((token = answer.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw truncated(answer);
            }
            if (token != JsonToken.START_OBJECT) {
                answer.skipChildren(); // not an element the contract knows: nothing to show
                continue;
            }
            while ((token = answer.nextToken()) == JsonToken.FIELD_NAME) {
                String node = answer.currentName();
                if (!node.equals(current)) {
                    if (current != null) {
                        sink.node(current, fields); // complete: the next node has begun
                    }
                    current = node;
                    fields = JsonNodeFactory.instance.objectNode();
                }
                answer.nextToken();
                JsonNode value = answer.readValueAsTree();
                if (value != null && value.isObject()) {
                    DataByNode.mergeInto(fields, (ObjectNode) value);
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw truncated(answer);
            }
        }
        if (current != null) {
            sink.node(current, fields);
        }
    }

    private static IOException truncated(JsonParser answer) {
        return new JsonEOFException(answer, null,
                "Unexpected end-of-input in the databynode answer");
    }
}
