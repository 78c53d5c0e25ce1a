package org.confluentcollective.cli;

import java.util.List;

/**
 * The subcommands that keep the name of an original confluent tool, so that a wrapper script of that
 * name ({@code src/main/scripts/}) runs {@code confluentctl NAME "$@"}.
 */
public final class OriginalTools {

    public static final List<String> NAMES = List.of(
            "nodedefine", "nodeattrib", "nodelist", "noderemove", "noderename",
            "nodegroupdefine", "nodegroupattrib", "nodegrouplist", "nodegroupremove", "nodegrouprename",
            "nodepower", "nodesetboot", "nodeboot", "nodeidentify", "nodeinventory", "nodehealth", "nodesensors",
            "osdeploy", "nodedeploy", "nodediscover", "nodeshell", "noderun", "nodeping", "collate");

    private OriginalTools() {
    }
}
