package org.confluentcollective.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;

/** Where a command's results (stdout) and complaints (stderr) go, and in which format. */
public record Output(OutputFormat format, PrintWriter out, PrintWriter err, ObjectMapper mapper) {

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    public void line(String text) {
        out.println(text);
    }

    /** {@code Error: text}, or {@code owner: Error: text} for a node or group. */
    public void error(String owner, String text) {
        err.println((owner == null ? "" : owner + ": ") + "Error: " + text);
    }

    /** {@code Warning: text}, or {@code owner: Warning: text}. */
    public void warning(String owner, String text) {
        err.println((owner == null ? "" : owner + ": ") + "Warning: " + text);
    }

    /**
     * Prints an answer like {@code {"created":["n1","n2"]}} as {@code n1: created} lines
     * (or as JSON).
     */
    public void outcome(JsonNode answer, String key) {
        if (json()) {
            printJson(answer);
        } else {
            Answers.names(answer, key).forEach(name -> line(name + ": " + key));
        }
    }

    /** Prints names one per line (or as a JSON array). */
    public void names(List<String> names) {
        if (json()) {
            printJson(mapper.valueToTree(names));
        } else {
            names.forEach(this::line);
        }
    }

    /** Prints a JSON document, indented, for {@code -o json}. */
    public void printJson(JsonNode document) {
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }
}
