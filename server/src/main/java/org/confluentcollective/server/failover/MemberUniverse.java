package org.confluentcollective.server.failover;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.server.noderange.NodeUniverse;

/**
 * The members of the collective as the only "nodes" a noderange may name: candidates are member
 * names, which need not exist as nodes. No groups, no attributes.
 */
record MemberUniverse(Set<String> members) implements NodeUniverse {

    MemberUniverse {
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
