package org.confluentcollective.web.api;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.server.database.NodeDatabase;

/**
 * Warnings for a node and a group of the same name. noderange.md rules that the node wins (existing
 * databases rely on it), so such a name is allowed, but whoever creates it is told what it hides.
 */
final class NameShadows {

    private NameShadows() {
    }

    /** For nodes just created or renamed: each one named like a group hides that group. */
    static List<String> ofNodes(NodeDatabase database, List<String> nodes) {
        List<String> warnings = new ArrayList<>();
        for (String node : nodes) {
            if (database.groupExists(node)) {
                warnings.add("node " + node + " has the name of group " + node + ": in a noderange '" + node
                        + "' now means the node only, and no longer the group's members");
            }
        }
        return warnings;
    }

    /** For a group just created or renamed: a node of that name hides it in every noderange. */
    static List<String> ofGroup(NodeDatabase database, String group) {
        if (!database.nodeExists(group)) {
            return List.of();
        }
        return List.of("group " + group + " has the name of node " + group + ": in a noderange '" + group
                + "' means the node only, so the group's members cannot be named through it");
    }
}
