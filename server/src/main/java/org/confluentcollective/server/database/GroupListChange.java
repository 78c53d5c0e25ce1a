package org.confluentcollective.server.database;

import java.util.List;
import java.util.Set;

/** A change to nodes' ordered group lists caused by a change to one group. */
interface GroupListChange {

    /** The node's new group list. */
    List<String> apply(String node, List<String> groups);

    /** Nodes affected besides the group's current members. */
    default Set<String> newMembers() {
        return Set.of();
    }
}
