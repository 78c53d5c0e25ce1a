package org.confluentcollective.server.database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a node's effective stored attributes (attributes.md §3): a value set on the node
 * beats every group value; otherwise the first group in the node's ordered list that defines
 * the attribute wins. Groups named in the list that do not exist are skipped.
 */
final class Inheritance {

    /** A stored attribute and where it comes from ({@code inheritedFrom} null: the node itself). */
    record Resolved(StoredValue stored, String inheritedFrom) {
    }

    private final MemoryTree tree;

    Inheritance(MemoryTree tree) {
        this.tree = tree;
    }

    Optional<Resolved> resolve(NodeRecord node, String attribute) {
        StoredValue own = node.attributes().get(attribute);
        if (own != null) {
            return Optional.of(new Resolved(own, null));
        }
        for (String group : node.groups()) {
            Optional<MemoryTree.Versioned<GroupRecord>> record = tree.group(group);
            if (record.isPresent()) {
                StoredValue inherited = record.get().record().attributes().get(attribute);
                if (inherited != null) {
                    return Optional.of(new Resolved(inherited, group));
                }
            }
        }
        return Optional.empty();
    }

    Map<String, Resolved> resolveAll(NodeRecord node) {
        Map<String, Resolved> resolved = new HashMap<>();
        List<String> groups = node.groups();
        // Walk the groups from last to first so that earlier groups overwrite later ones.
        for (int i = groups.size() - 1; i >= 0; i--) {
            String group = groups.get(i);
            tree.group(group).ifPresent(record -> record.record().attributes()
                    .forEach((name, stored) -> resolved.put(name, new Resolved(stored, group))));
        }
        node.attributes().forEach((name, stored) -> resolved.put(name, new Resolved(stored, null)));
        return resolved;
    }
}
