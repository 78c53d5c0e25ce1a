package org.confluentcollective.cli.nodes;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.attributes.AttributeChanges;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodedefine}: creates the nodes of a noderange. */
@Command(name = "nodedefine", description = "Defines new nodes, optionally with attributes: "
        + "nodedefine r1u[01-04] groups=rack1,everything location.rack=1")
public final class NodeDefineCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes to create")
    private String noderange;

    @Parameters(index = "1..*", paramLabel = "ATTRIBUTE=VALUE", description = "initial attributes")
    private List<String> assignments = new ArrayList<>();

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        AttributeChanges attributes;
        try {
            attributes = AttributeChanges.parse(assignments);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        output().outcome(api().post(NodePaths.NODERANGE, attributes.toJsonNamed(noderange)), "created");
        return ExitCode.OK;
    }
}
