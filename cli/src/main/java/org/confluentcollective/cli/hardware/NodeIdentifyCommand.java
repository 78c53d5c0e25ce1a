package org.confluentcollective.cli.hardware;

import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.output.NodeOperationPrinter;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodeidentify}: shows the identify light of nodes, or turns it on, off or blinking. */
@Command(name = "nodeidentify", description = {
    "Shows the identify light of the nodes of a noderange, or turns it on, off or blinking:",
    "  nodeidentify NR                n1: off",
    "  nodeidentify NR on|off|blink   n1: on"})
public final class NodeIdentifyCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    /** Without it the state is read, as the original's {@code nodeidentify <noderange> [on|off|blink]}. */
    @Parameters(index = "1", arity = "0..1", paramLabel = "STATE",
            description = "on, off or blink (the server checks it); shows the state without")
    private String state;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        String path = HardwarePaths.of(noderange, HardwarePaths.IDENTIFY);
        NodeOperationPrinter.Lines lines = entry -> List.of(NodeOperationPrinter.value(entry, "identify").orElse(""));
        NodeOperationPrinter printer = new NodeOperationPrinter(output());
        if (state == null) {
            return status(printer.print(api().get(path), lines));
        }
        return status(printer.print(
                api().put(path, invocation().mapper().createObjectNode().put("identify", state)), lines));
    }
}
