package org.confluentcollective.server.database;

import java.util.List;
import java.util.Map;

/**
 * A node as stored in its znode: its ordered group list and the attributes set on the node
 * itself. Inherited values are never copied into it; they are resolved on read.
 */
public record NodeRecord(List<String> groups, Map<String, StoredValue> attributes) {

    public NodeRecord {
        groups = List.copyOf(groups);
        attributes = Map.copyOf(attributes);
    }

    public NodeRecord withGroups(List<String> newGroups) {
        return new NodeRecord(newGroups, attributes);
    }

    public NodeRecord withAttributes(Map<String, StoredValue> newAttributes) {
        return new NodeRecord(groups, newAttributes);
    }
}
