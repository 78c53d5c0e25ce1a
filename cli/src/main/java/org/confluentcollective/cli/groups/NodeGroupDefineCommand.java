package org.confluentcollective.cli.groups;

import org.confluentcollective.cli.DefineCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodegroupdefine}: creates a group. */
@Command(name = "nodegroupdefine", description = "Defines a new node group, optionally with attributes: "
        + "nodegroupdefine rack1 location.rack=1")
public final class NodeGroupDefineCommand extends DefineCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "the group to create")
    private String group;

    @Override
    protected String name() {
        return group;
    }

    @Override
    protected String collection() {
        return GroupPaths.GROUPS;
    }
}
