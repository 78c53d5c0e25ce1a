package org.confluentcollective.cli.groups;

import org.confluentcollective.cli.transport.ApiPath;

/** The REST paths of node groups. */
final class GroupPaths {

    static final String GROUPS = "/nodegroups/";

    private GroupPaths() {
    }

    static String group(String group) {
        return GROUPS + ApiPath.segment(group) + "/";
    }

    /** {@code g1,g2} as the original's nodegroupdefine and nodegroupremove split it (empty items dropped). */
    static java.util.List<String> split(String groups) {
        java.util.List<String> names = java.util.Arrays.stream(groups.split(",")).filter(g -> !g.isEmpty()).toList();
        return names.isEmpty() ? java.util.List.of(groups) : names;
    }

    static String attributes(String group, String view) {
        return group(group) + "attributes/" + view;
    }
}
