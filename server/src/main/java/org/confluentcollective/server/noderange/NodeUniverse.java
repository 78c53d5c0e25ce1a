package org.confluentcollective.server.noderange;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The nodes, groups and effective attribute values a noderange is evaluated against.
 * Implementations answer from memory; every call must be cheap.
 */
public interface NodeUniverse {

    /** Every defined node. */
    Collection<String> nodes();

    boolean isNode(String name);

    boolean isGroup(String name);

    /** Nodes assigned to the group (static membership only; empty for an unknown group). */
    Set<String> staticMembers(String group);

    /** The group's {@code noderange} attribute when it is a dynamic group. */
    Optional<String> dynamicNoderange(String group);

    /**
     * The node's effective attributes as text: its own values, otherwise inherited ones,
     * expressions already evaluated; broken expressions and secrets are absent.
     */
    Map<String, String> effectiveValues(String node);

    /**
     * One effective attribute value as text, as in {@link #effectiveValues}. Selectors on one
     * exact attribute use this; implementations override it to avoid resolving every attribute.
     */
    default Optional<String> effectiveValue(String node, String attribute) {
        return Optional.ofNullable(effectiveValues(node).get(attribute));
    }
}
