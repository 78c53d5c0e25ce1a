package org.confluentcollective.cli.nodes;

import java.util.List;
import org.confluentcollective.cli.transport.ApiPath;

/** The REST paths of nodes and noderanges. */
final class NodePaths {

    static final String NODES = "/nodes/";
    static final String NODERANGE = "/noderange/";

    private NodePaths() {
    }

    static String noderange(String noderange) {
        return NODERANGE + ApiPath.segment(noderange) + "/";
    }

    static String nodes(String noderange) {
        return noderange(noderange) + "nodes/";
    }

    /** {@code all} or {@code current}, restricted to the given names or globs when there are any. */
    static String attributes(String noderange, String view, List<String> names) {
        return noderange(noderange) + "attributes/" + view + ApiPath.query("attr", names);
    }

    static String rename(String noderange) {
        return noderange(noderange) + "attributes/rename";
    }
}
