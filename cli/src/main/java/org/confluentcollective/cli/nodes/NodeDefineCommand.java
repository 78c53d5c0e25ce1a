package org.confluentcollective.cli.nodes;

import org.confluentcollective.cli.DefineCommand;
import org.confluentcollective.cli.OriginalErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodedefine}: creates the nodes of a noderange. */
@Command(name = "nodedefine", description = "Defines new nodes, optionally with attributes: "
        + "nodedefine r1u[01-04] groups=rack1,everything location.rack=1")
public final class NodeDefineCommand extends DefineCommand implements OriginalErrors {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes to create")
    private String noderange;

    @Override
    protected String name() {
        return noderange;
    }

    @Override
    protected String collection() {
        return NodePaths.NODERANGE;
    }
}
