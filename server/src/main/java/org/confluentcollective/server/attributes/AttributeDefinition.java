package org.confluentcollective.server.attributes;

import java.util.List;

/**
 * One catalog entry. {@code name} is the canonical name; for interface and power-input
 * attributes it is the short form ({@code net.hwaddr} stands for every {@code net.X.hwaddr}).
 *
 * @param allowed for {@link Rule#ONE_OF} glob patterns of whole values ({@code ""} allows the
 *                empty value), for {@link Rule#LIST_OF} the items of a comma list, for
 *                {@link Rule#KEYS_OF} the keys of a comma {@code key=value} list; empty otherwise
 */
public record AttributeDefinition(String name, String description, Rule rule, List<String> allowed) {

    /** How a value is checked. */
    public enum Rule {
        /** Free text. */
        ANY,
        /** The whole value matches one of the allowed patterns. */
        ONE_OF,
        /** A comma list whose every item is allowed. */
        LIST_OF,
        /** A comma list of {@code key=value} whose every key is allowed. */
        KEYS_OF,
        /** A yes/no word ({@link AttributeCatalog#isTrue}). */
        BOOLEAN
    }

    public AttributeDefinition {
        allowed = List.copyOf(allowed);
    }

    static AttributeDefinition text(String name, String description) {
        return new AttributeDefinition(name, description, Rule.ANY, List.of());
    }

    static AttributeDefinition oneOf(String name, String description, String... allowed) {
        return new AttributeDefinition(name, description, Rule.ONE_OF, List.of(allowed));
    }
}
