package org.confluentcollective.cli.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.output.NodeOperationPrinter;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodeinventory}: the hardware inventory of nodes, one line per property. */
@Command(name = "nodeinventory", description = {"Shows the hardware inventory of the nodes of a noderange:",
    "  n1: System: Product name: X", "  n1: Processor 2: Not Present"})
public final class NodeInventoryCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        return status(new NodeOperationPrinter(output()).print(
                api().get(HardwarePaths.of(noderange, HardwarePaths.INVENTORY)), NodeInventoryCommand::lines));
    }

    /** In the server's order; a property without a value is left out, as the original does. */
    static List<String> lines(JsonNode entry) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : entry.path("inventory")) {
            String name = item.path("name").asText();
            if (!item.path("present").asBoolean(false)) {
                lines.add(name + ": Not Present");
                continue;
            }
            item.path("information").fields().forEachRemaining(property -> {
                if (!property.getValue().isNull()) {
                    lines.add(name + ": " + property.getKey() + ": " + text(property.getValue()));
                }
            });
        }
        return lines;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
