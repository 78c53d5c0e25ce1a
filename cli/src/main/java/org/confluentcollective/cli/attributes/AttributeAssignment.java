package org.confluentcollective.cli.attributes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One {@code attribute=value} argument and the attribute input it becomes in a PUT body:
 * {@code a=v} → {@code "v"} (the server tells values from {@code {expressions}}),
 * {@code a,=x} → {@code {"prepend":"x"}}, {@code a^=x} or {@code a-=x} → {@code {"remove":"x"}}.
 * The argument is split at the first {@code =}, so values may contain {@code =}, spaces and commas.
 *
 * @param name  the attribute name (or glob)
 * @param input the JSON attribute input
 */
public record AttributeAssignment(String name, JsonNode input) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Whether an argument asks to set an attribute rather than to show one. */
    public static boolean isAssignment(String argument) {
        return argument.indexOf('=') > 0;
    }

    /**
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static AttributeAssignment parse(String argument) {
        int equals = argument.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("'" + argument + "' is not of the form attribute=value");
        }
        String target = argument.substring(0, equals);
        String value = argument.substring(equals + 1);
        char last = target.isEmpty() ? 0 : target.charAt(target.length() - 1);
        AttributeAssignment assignment = switch (last) {
            case ',' -> new AttributeAssignment(stripLast(target), JSON.objectNode().put("prepend", value));
            case '^', '-' -> new AttributeAssignment(stripLast(target), JSON.objectNode().put("remove", value));
            default -> new AttributeAssignment(target, JSON.textNode(value));
        };
        if (assignment.name().isEmpty()) {
            throw new IllegalArgumentException("no attribute name in '" + argument + "'");
        }
        return assignment;
    }

    /** {@code a: null}: clears the attribute (or, for a glob, every matching one). */
    public static AttributeAssignment clear(String name) {
        return new AttributeAssignment(name, JSON.nullNode());
    }

    /** A value taken verbatim from somewhere other than the command line (environment, prompt). */
    public static AttributeAssignment text(String name, String value) {
        return new AttributeAssignment(name, JSON.textNode(value));
    }

    private static String stripLast(String text) {
        return text.substring(0, text.length() - 1);
    }
}
