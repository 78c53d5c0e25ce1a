package org.confluentcollective.server.deploy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.server.noderange.NodeUniverse;

/**
 * The live members as the only "nodes" {@code collective.managercandidates} is evaluated against:
 * deployment only needs which candidates are live, and this needs no ZooKeeper read.
 */
record LiveMembers(Set<String> members) implements NodeUniverse {

    LiveMembers {
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
