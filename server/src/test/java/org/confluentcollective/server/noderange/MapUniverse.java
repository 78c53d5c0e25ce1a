package org.confluentcollective.server.noderange;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A plain in-memory universe for property tests: nodes with fixed values, static and dynamic groups. */
final class MapUniverse implements NodeUniverse {

    private final Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    private final Map<String, Set<String>> groups = new HashMap<>();
    private final Map<String, String> dynamic = new HashMap<>();

    /** A copy of another universe whose answers no longer cost anything. */
    static MapUniverse snapshot(NodeUniverse source, Collection<String> groupNames) {
        MapUniverse copy = new MapUniverse();
        source.nodes().forEach(node -> copy.node(node, source.effectiveValues(node)));
        for (String group : groupNames) {
            copy.groups.put(group, new LinkedHashSet<>(source.staticMembers(group)));
            source.dynamicNoderange(group).ifPresent(range -> copy.dynamic.put(group, range));
        }
        return copy;
    }

    MapUniverse node(String name, Map<String, String> values) {
        nodes.put(name, Map.copyOf(values));
        return this;
    }

    MapUniverse group(String name, Collection<String> members) {
        groups.computeIfAbsent(name, g -> new LinkedHashSet<>()).addAll(members);
        return this;
    }

    MapUniverse dynamicGroup(String name, String noderange) {
        groups.computeIfAbsent(name, g -> new LinkedHashSet<>());
        dynamic.put(name, noderange);
        return this;
    }

    @Override
    public Collection<String> nodes() {
        return nodes.keySet();
    }

    @Override
    public boolean isNode(String name) {
        return nodes.containsKey(name);
    }

    @Override
    public boolean isGroup(String name) {
        return groups.containsKey(name);
    }

    @Override
    public Set<String> staticMembers(String group) {
        return groups.getOrDefault(group, Set.of());
    }

    @Override
    public Optional<String> dynamicNoderange(String group) {
        return Optional.ofNullable(dynamic.get(group));
    }

    @Override
    public Map<String, String> effectiveValues(String node) {
        return nodes.getOrDefault(node, Map.of());
    }
}
