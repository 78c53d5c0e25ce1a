package org.confluentcollective.cli.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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

/** {@code nodesetboot}: shows or sets the device nodes boot from next. */
@Command(name = "nodesetboot", description = {"Shows or sets the device the nodes of a noderange boot from next:",
    "  nodesetboot NR                 n1: network",
    "  nodesetboot NR network|hd|setup|default|cd|floppy|usb [-p] [-u|-b]"})
public final class NodeSetBootCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DEVICE",
            description = "network, hd, setup, default, cd, floppy or usb (or the original's aliases: net, pxe, "
                    + "disk, bios-setup, ...)")
    private String device;

    @Mixin
    private BootOptions options;

    @Mixin
    private MaxNodes maxNodes;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        String path = HardwarePaths.of(noderange, HardwarePaths.BOOT_DEVICE);
        NodeOperationPrinter printer = new NodeOperationPrinter(output());
        if (device == null) {
            return status(printer.print(api().get(path), NodeSetBootCommand::lines));
        }
        if (!maxNodes.confirm(invocation(), noderange)) {
            return ExitCode.FAILED;
        }
        return status(printer.print(api().put(path, options.body(invocation().mapper(), device)),
                NodeSetBootCommand::lines));
    }

    static List<String> lines(JsonNode entry) {
        return List.of(NodeOperationPrinter.value(entry, "nextdevice").orElse(""));
    }
}
