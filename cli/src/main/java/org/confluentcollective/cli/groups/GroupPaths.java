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

    static String attributes(String group, String view) {
        return group(group) + "attributes/" + view;
    }
}
