package org.confluentcollective.cli.groups;

import java.util.List;
import org.confluentcollective.cli.DefineCommand;
import org.confluentcollective.cli.OriginalErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodegroupdefine}: creates a group. */
@Command(name = "nodegroupdefine", description = "Defines a new node group, optionally with attributes: "
        + "nodegroupdefine rack1 location.rack=1")
public final class NodeGroupDefineCommand extends DefineCommand implements OriginalErrors {

    @Parameters(index = "0", paramLabel = "GROUP", description = "the group to create, or several: g1,g2")
    private String group;

    @Override
    protected String name() {
        return group;
    }

    @Override
    protected List<String> names() {
        return GroupPaths.split(group);
    }

    @Override
    protected String collection() {
        return GroupPaths.GROUPS;
    }
}
