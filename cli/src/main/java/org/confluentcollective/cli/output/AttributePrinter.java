package org.confluentcollective.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        try {
            Nodes nodes = new Nodes();
            for (Map.Entry<String, ObjectNode> node : data.nodes().entrySet()) {
                nodes.node(node.getKey(), node.getValue());
            }
            return nodes.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a PrintWriter does not fail", e);
        }
    }

    /**
     * Prints a {@code databynode} answer as it is read, node by node ({@link DataByNodeStream}), the
     * same as {@link #print(DataByNode)} prints it whole; each node's lines are flushed once printed.
     * Should the answer break off, the nodes before stay printed (with {@code -o json}, an
     * unterminated object).
     *
     * @return whether any node reported an error
     */
    public boolean print(JsonParser answer) throws IOException {
        Nodes nodes = new Nodes();
        DataByNodeStream.read(answer, nodes::node);
        return nodes.finish();
    }

    /** Prints nodes one at a time: lines, or the members of one JSON object written as they come. */
    private final class Nodes {

        private JsonGenerator json;
        private boolean failed;

        void node(String name, ObjectNode fields) throws IOException {
            if (output.json()) {
                if (json == null) {
                    json = startJson();
                }
                json.writeFieldName(name);
                json.writeTree(fields);
                json.flush();
                Optional<String> error = NodeFields.error(fields);
                error.ifPresent(e -> output.error(name, e));
                failed |= error.isPresent();
            } else {
                failed |= printOwner(name, fields);
                output.out().flush();
            }
        }

        boolean finish() throws IOException {
            if (output.json()) {
                if (json == null) {
                    json = startJson();
                }
                json.writeEndObject();
                json.close();
                output.out().println();
            }
            output.out().flush();
            return failed;
        }

        /** Indented like {@link Output#printJson}, which printed the merged object whole. */
        private JsonGenerator startJson() throws IOException {
            JsonGenerator generator = output.mapper().writerWithDefaultPrettyPrinter().createGenerator(output.out());
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartObject();
            return generator;
        }
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
