package org.confluentcollective.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the small recurring shapes of the contract's answers. */
public final class Answers {

    private Answers() {
    }

    /** The names in a collection: {@code {"_links":{"item":[{"href":"n1/"},...]}}} → {@code [n1, ...]}. */
    public static List<String> itemNames(JsonNode collection) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : collection.path("_links").path("item")) {
            String href = item.path("href").asText();
            names.add(href.endsWith("/") ? href.substring(0, href.length() - 1) : href);
        }
        return names;
    }

    /** A key holding one name or a list of them, e.g. {@code {"created":["n1","n2"]}} or {@code "n1"}. */
    public static List<String> names(JsonNode answer, String key) {
        JsonNode value = answer.path(key);
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> names.add(v.asText()));
        } else if (!value.isMissingNode() && !value.isNull()) {
            names.add(value.asText());
        }
        return names;
    }
}
