package org.confluentcollective.server.noderange;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Member names as the only "nodes" a noderange may name, for {@code collective.managercandidates}:
 * candidates are member names, which need not exist as nodes. No groups, no attributes, and no
 * ZooKeeper read. Failover passes all members; deployment passes the live ones.
 */
public record MemberUniverse(Set<String> members) implements NodeUniverse {

    public MemberUniverse {
        members = Set.copyOf(members);
    }

    @Override
    public Collection<String> nodes() {
        return members;
    }

    @Override
    public boolean isNode(String name) {
        return members.contains(name);
    }

    @Override
    public boolean isGroup(String name) {
        return false;
    }

    @Override
    public Set<String> staticMembers(String group) {
        return Set.of();
    }

    @Override
    public Optional<String> dynamicNoderange(String group) {
        return Optional.empty();
    }

    @Override
    public Map<String, String> effectiveValues(String node) {
        return Map.of();
    }
}
