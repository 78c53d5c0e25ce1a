package org.confluentcollective.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Renders one attribute as the original tools did: {@code n1: location.rack: 7}, secrets as
 * {@code ********}, broken expressions as {@code *ERROR* BROKEN EXPRESSION: reason}, and with blame
 * {@code (inherited from group G, derived from expression "E")}.
 */
public final class AttributeText {

    private static final String SECRET_MASK = "********";

    private AttributeText() {
    }

    /** {@code owner: attribute: value [(blame)]}, with no trailing space when the value is empty. */
    public static String line(String owner, String attribute, JsonNode view, boolean blame) {
        if (pendingExpression(view)) {
            // the original's text exactly: two blanks, the expression unquoted
            return owner + ": " + attribute + ":  (will derive from expression " + view.get("expression").asText() + ")";
        }
        List<String> parts = new ArrayList<>();
        parts.add(owner + ": " + attribute + ":");
        String value = value(view);
        if (!value.isEmpty()) {
            parts.add(value);
        }
        if (blame) {
            blame(view).ifPresent(parts::add);
        }
        return String.join(" ", parts);
    }

    /** The value part alone. */
    private static String value(JsonNode view) {
        if (!view.isObject()) {
            return text(view);
        }
        if (view.hasNonNull("broken")) {
            return "*ERROR* BROKEN EXPRESSION: " + view.get("broken").asText();
        }
        if (view.has("isset")) {
            return view.get("isset").asBoolean() ? SECRET_MASK : "";
        }
        return text(view.path("value"));
    }

    /**
     * A group's attribute set to an expression has no value of its own: the expression is evaluated
     * for each member node.
     */
    private static boolean pendingExpression(JsonNode view) {
        return view.isObject() && view.hasNonNull("expression") && !view.hasNonNull("broken")
                && !view.hasNonNull("value");
    }

    private static Optional<String> blame(JsonNode view) {
        List<String> origins = new ArrayList<>();
        if (view.hasNonNull("inheritedfrom")) {
            origins.add("inherited from group " + view.get("inheritedfrom").asText());
        }
        if (view.hasNonNull("expression")) {
            origins.add("derived from expression \"" + view.get("expression").asText() + "\"");
        }
        return origins.isEmpty() ? Optional.empty()
                : Optional.of("(" + String.join(", ", origins) + ")");
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(","));
        }
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }
}
