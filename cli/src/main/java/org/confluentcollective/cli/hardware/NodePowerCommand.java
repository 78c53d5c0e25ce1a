package org.confluentcollective.cli.hardware;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.MaxNodes;
import org.confluentcollective.cli.output.NodeOperationPrinter;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code nodepower}: shows or changes the power state of nodes. */
@Command(name = "nodepower", description = {"Shows or changes the power state of the nodes of a noderange:",
    "  nodepower NR                   n1: on",
    "  nodepower NR on|off|reset|boot|shutdown|diag    n1: off->on"})
public final class NodePowerCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Parameters(index = "1", arity = "0..1", paramLabel = "STATE",
            description = "status or state (default) shows; on, off, reset, boot, shutdown or diag changes")
    private String state = "status";

    @Mixin
    private MaxNodes maxNodes;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        String path = HardwarePaths.of(noderange, HardwarePaths.POWER);
        NodeOperationPrinter printer = new NodeOperationPrinter(output());
        if (state.equals("status") || state.equals("state")) {
            return status(printer.print(api().get(path), PowerLines::of));
        }
        if (!maxNodes.confirm(invocation(), noderange)) {
            return ExitCode.FAILED;
        }
        // The server knows the states it accepts, and refuses others naming them.
        return status(printer.print(api().put(path, invocation().mapper().createObjectNode().put("state", state)),
                PowerLines::of));
    }
}
