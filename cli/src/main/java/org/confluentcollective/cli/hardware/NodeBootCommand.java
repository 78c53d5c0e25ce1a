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

/** {@code nodeboot}: boots nodes, from a given device if one is named. */
@Command(name = "nodeboot", description = {"Boots the nodes of a noderange (power boot), first setting the",
    "device to boot from if one is given:",
    "  nodeboot NR [network|hd|setup|default|cd|floppy|usb] [-p] [-u|-b]"})
public final class NodeBootCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DEVICE", description = "the device to boot from")
    private String device;

    @Mixin
    private BootOptions options;

    @Mixin
    private MaxNodes maxNodes;

    /** As the original: when the device could not be set on every node, no node is booted. */
    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        if (!maxNodes.confirm(invocation(), noderange)) {
            return ExitCode.FAILED;
        }
        NodeOperationPrinter printer = new NodeOperationPrinter(output());
        if (device != null && printer.print(api().put(HardwarePaths.of(noderange, HardwarePaths.BOOT_DEVICE),
                options.body(invocation().mapper(), device)), NodeSetBootCommand::lines)) {
            return ExitCode.FAILED;
        }
        return status(printer.print(api().put(HardwarePaths.of(noderange, HardwarePaths.POWER),
                invocation().mapper().createObjectNode().put("state", "boot")), PowerLines::of));
    }
}
