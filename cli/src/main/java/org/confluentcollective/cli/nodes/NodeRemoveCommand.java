package org.confluentcollective.cli.nodes;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.OriginalErrors;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import org.confluentcollective.cli.MaxNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code noderemove}: deletes the nodes of a noderange. */
@Command(name = "noderemove", description = "Removes nodes from the configuration.")
public final class NodeRemoveCommand extends ApiCommand implements OriginalErrors {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes to remove")
    private String noderange;

    @Mixin
    private MaxNodes maxNodes;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        if (!maxNodes.confirm(invocation(), noderange)) {
            return ExitCode.FAILED;
        }
        output().outcome(api().delete(NodePaths.noderange(noderange)), "deleted");
        return ExitCode.OK;
    }
}
