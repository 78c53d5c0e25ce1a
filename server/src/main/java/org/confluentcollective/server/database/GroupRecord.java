package org.confluentcollective.server.database;

import java.util.Map;

/**
 * A group as stored in its znode: the attributes its members inherit. Its member list is
 * derived from the nodes' group lists and never stored, so that a group of 100,000 nodes is
 * not one huge znode.
 */
public record GroupRecord(Map<String, StoredValue> attributes) {

    public GroupRecord {
        attributes = Map.copyOf(attributes);
    }

    public static GroupRecord empty() {
        return new GroupRecord(Map.of());
    }
}
