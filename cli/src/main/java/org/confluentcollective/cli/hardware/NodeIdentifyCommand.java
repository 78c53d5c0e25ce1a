package org.confluentcollective.cli.hardware;

import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.output.NodeOperationPrinter;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodeidentify}: turns the identify light of nodes on or off. */
@Command(name = "nodeidentify", description = "Turns the identify light of the nodes of a noderange on or off.")
public final class NodeIdentifyCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Parameters(index = "1", paramLabel = "STATE", description = "on or off")
    private String state;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        return status(new NodeOperationPrinter(output()).print(
                api().put(HardwarePaths.of(noderange, HardwarePaths.IDENTIFY),
                        invocation().mapper().createObjectNode().put("identify", state)),
                entry -> List.of(NodeOperationPrinter.value(entry, "identify").orElse(""))));
    }
}
