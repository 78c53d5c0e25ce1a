package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.confluentcollective.server.api.RequestException;

/** Checks on the shape of request bodies. */
final class Bodies {

    private Bodies() {
    }

    static ObjectNode object(JsonNode body) {
        if (body == null) {
            throw RequestException.badRequest("the request body is empty; a JSON object is expected");
        }
        if (!body.isObject()) {
            throw RequestException.badRequest("the request body must be a JSON object, not " + body.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) body;
    }

    /** A required string that may be empty (an expression of empty text evaluates to empty text). */
    static String requiredTextOrEmpty(ObjectNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            throw RequestException.badRequest("'" + key + "' is required");
        }
        if (!value.isTextual()) {
            throw RequestException.badRequest("'" + key + "' must be a string");
        }
        return value.textValue();
    }

    static String requiredText(ObjectNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            throw RequestException.badRequest("'" + key + "' is required");
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw RequestException.badRequest("'" + key + "' must be a non-empty string");
        }
        return value.textValue();
    }
}
