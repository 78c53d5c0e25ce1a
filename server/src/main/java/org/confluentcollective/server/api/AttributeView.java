package org.confluentcollective.server.api;

import java.util.List;

/**
 * What a reader is shown of one attribute of a node or group. Exactly one of {@code value},
 * {@code items}, {@code isSet} is meaningful, or none when the attribute is unset or broken.
 *
 * @param value         the effective value (expressions evaluated), or null
 * @param items         list values ({@code groups}, {@code nodes}), or null
 * @param expression    the expression the value derives from, or null
 * @param broken        why the expression could not be evaluated, or null
 * @param isSet         for secrets and hashes: whether a value is stored; null otherwise
 * @param inheritedFrom the group the value comes from, or null when set on the node itself
 */
public record AttributeView(String value, List<String> items, String expression, String broken,
                            Boolean isSet, String inheritedFrom) {

    public static AttributeView unset() {
        return new AttributeView(null, null, null, null, null, null);
    }

    public static AttributeView ofValue(String value, String expression, String inheritedFrom) {
        return new AttributeView(value, null, expression, null, null, inheritedFrom);
    }

    public static AttributeView ofItems(List<String> items) {
        return new AttributeView(null, List.copyOf(items), null, null, null, null);
    }

    public static AttributeView ofBroken(String expression, String reason, String inheritedFrom) {
        return new AttributeView(null, null, expression, reason, null, inheritedFrom);
    }

    public static AttributeView ofSecret(boolean isSet, String inheritedFrom) {
        return new AttributeView(null, null, null, null, isSet, inheritedFrom);
    }
}
