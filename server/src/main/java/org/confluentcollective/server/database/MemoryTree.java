package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.confluentcollective.server.noderange.NaturalOrder;

/**
 * This member's in-memory copy of the whole database, with the group-membership index, from
 * which every read is served. It is changed only by {@link TreeSync} on ZooKeeper's event
 * thread, in the order ZooKeeper delivered the changes, so it never goes back in time.
 * Readers see immutable records and never block writers.
 */
public final class MemoryTree {

    /** A record with the znode version it was read at (for compare-and-set writes). */
    public record Versioned<T>(T record, int version, long mzxid) {
    }

    private static final NaturalOrder NATURAL = new NaturalOrder();

    private final Map<String, Versioned<NodeRecord>> nodes = new ConcurrentHashMap<>();
    private final Map<String, Versioned<GroupRecord>> groups = new ConcurrentHashMap<>();
    private final Map<String, Versioned<UserRecord>> users = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> membersByGroup = new ConcurrentHashMap<>();
    private volatile List<String> sortedNodes;
    private volatile List<String> sortedGroups;
    /** Counts node and group changes, so that indexes derived from the copy know when to rebuild. */
    private final AtomicLong nodeChanges = new AtomicLong();

    public Optional<Versioned<NodeRecord>> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Optional<Versioned<GroupRecord>> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public Optional<Versioned<UserRecord>> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public boolean hasNode(String name) {
        return nodes.containsKey(name);
    }

    public boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    /** Every node, naturally sorted (cached until the node set changes). */
    public List<String> sortedNodes() {
        List<String> sorted = sortedNodes;
        if (sorted == null) {
            sorted = sortedCopy(nodes.keySet());
            sortedNodes = sorted;
        }
        return sorted;
    }

    public List<String> sortedGroups() {
        List<String> sorted = sortedGroups;
        if (sorted == null) {
            sorted = sortedCopy(groups.keySet());
            sortedGroups = sorted;
        }
        return sorted;
    }

    public Collection<String> userNames() {
        return Collections.unmodifiableSet(users.keySet());
    }

    /**
     * A counter that moves on every change of a node or a group (users excluded): an index
     * derived from node attributes (deployment's MAC index) is current while it is unchanged.
     */
    public long nodeChanges() {
        return nodeChanges.get();
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** Nodes whose group list names the group (whether or not the group exists). */
    public Set<String> members(String group) {
        Set<String> members = membersByGroup.get(group);
        return members == null ? Set.of() : Collections.unmodifiableSet(members);
    }

    /** Every record held, by name (with its version); call it where nothing changes the tree meanwhile. */
    record Copy(Map<String, Versioned<NodeRecord>> nodes, Map<String, Versioned<GroupRecord>> groups,
                Map<String, Versioned<UserRecord>> users) {
    }

    Copy copy() {
        return new Copy(Map.copyOf(nodes), Map.copyOf(groups), Map.copyOf(users));
    }

    /** Every node, group and user held, as layout entries. */
    List<ZnodeLayout.Entry> entries() {
        List<ZnodeLayout.Entry> entries = new ArrayList<>(nodes.size() + groups.size() + users.size());
        nodes.keySet().forEach(name -> entries.add(new ZnodeLayout.Entry(ZnodeLayout.Kind.NODE, name)));
        groups.keySet().forEach(name -> entries.add(new ZnodeLayout.Entry(ZnodeLayout.Kind.GROUP, name)));
        users.keySet().forEach(name -> entries.add(new ZnodeLayout.Entry(ZnodeLayout.Kind.USER, name)));
        return entries;
    }

    /** The modification zxid this copy holds for an entity, or -1 when absent. */
    long mzxid(ZnodeLayout.Entry entry) {
        Versioned<?> held = switch (entry.kind()) {
            case NODE -> nodes.get(entry.name());
            case GROUP -> groups.get(entry.name());
            case USER -> users.get(entry.name());
        };
        return held == null ? -1 : held.mzxid();
    }

    void putNode(String name, Versioned<NodeRecord> value) {
        nodeChanges.incrementAndGet();
        Versioned<NodeRecord> old = nodes.put(name, value);
        if (old == null) {
            sortedNodes = null;
        }
        reindex(name, old == null ? List.of() : old.record().groups(), value.record().groups());
    }

    void removeNode(String name) {
        nodeChanges.incrementAndGet();
        Versioned<NodeRecord> old = nodes.remove(name);
        if (old != null) {
            sortedNodes = null;
            reindex(name, old.record().groups(), List.of());
        }
    }

    void putGroup(String name, Versioned<GroupRecord> value) {
        nodeChanges.incrementAndGet();
        if (groups.put(name, value) == null) {
            sortedGroups = null;
        }
    }

    void removeGroup(String name) {
        nodeChanges.incrementAndGet();
        if (groups.remove(name) != null) {
            sortedGroups = null;
        }
    }

    void putUser(String name, Versioned<UserRecord> value) {
        users.put(name, value);
    }

    void removeUser(String name) {
        users.remove(name);
    }

    private void reindex(String node, List<String> oldGroups, List<String> newGroups) {
        if (oldGroups.equals(newGroups)) {
            return;
        }
        for (String group : oldGroups) {
            if (!newGroups.contains(group)) {
                Set<String> members = membersByGroup.get(group);
                if (members != null) {
                    members.remove(node);
                }
            }
        }
        for (String group : newGroups) {
            membersByGroup.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(node);
        }
    }

    private static List<String> sortedCopy(Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(NATURAL);
        return Collections.unmodifiableList(sorted);
    }
}
