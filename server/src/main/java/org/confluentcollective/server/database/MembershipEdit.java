package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A change to one group's membership, applied to a node's ordered group list
 * (attributes.md §3: a group's {@code nodes} set exactly, prepended, or removed).
 *
 * @param targets the nodes named by the request
 */
record MembershipEdit(String group, Set<String> targets, Mode mode) implements GroupListChange {

    enum Mode {
        /** Members become exactly the targets; new members get the group first (attributes.md §3). */
        EXACTLY,
        /** The targets get the group at the front of their lists. */
        PREPEND,
        /** The targets leave the group. */
        REMOVE
    }

    @Override
    public Set<String> newMembers() {
        return mode == Mode.REMOVE ? Set.of() : targets;
    }

    @Override
    public List<String> apply(String node, List<String> groups) {
        List<String> result = new ArrayList<>(groups);
        boolean target = targets.contains(node);
        switch (mode) {
            case EXACTLY -> {
                if (!target) {
                    result.remove(group);
                } else if (!result.contains(group)) {
                    result.add(0, group); // as the original: the new group takes precedence
                }
            }
            case PREPEND -> {
                if (target) {
                    result.remove(group);
                    result.add(0, group);
                }
            }
            case REMOVE -> {
                if (target) {
                    result.remove(group);
                }
            }
        }
        return result;
    }
}
