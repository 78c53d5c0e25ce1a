package org.confluentcollective.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The non-attribute fields a node (or group) can carry in an answer. */
public final class NodeFields {

    public static final String WARNINGS = "_warnings";
    public static final String ERROR = "error";
    public static final String ERROR_CODE = "errorcode";

    private NodeFields() {
    }

    /** The per-node error text, when the node failed: {@code {"errorcode":404,"error":"..."}}. */
    public static Optional<String> error(JsonNode fields) {
        JsonNode error = fields.get(ERROR);
        return error == null || !error.isTextual() ? Optional.empty() : Optional.of(error.asText());
    }

    public static List<String> warnings(JsonNode fields) {
        List<String> warnings = new ArrayList<>();
        fields.path(WARNINGS).forEach(w -> warnings.add(w.asText()));
        return warnings;
    }

    /** Whether a field is an attribute rather than bookkeeping (warnings, errors, links). */
    public static boolean isAttribute(String name) {
        return !name.startsWith("_") && !name.equals(ERROR) && !name.equals(ERROR_CODE);
    }
}
