package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;

/** The body of an attribute PUT: {@code {attr: input, ...}}, at least one. */
final class AttributeChanges {

    private AttributeChanges() {
    }

    static Map<String, AttributeInput> of(JsonNode body) {
        Map<String, AttributeInput> changes = AttributeJson.inputs(Bodies.object(body), Set.of());
        if (changes.isEmpty()) {
            throw RequestException.badRequest("the request names no attribute to change");
        }
        return changes;
    }
}
