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

/** {@code nodehealth}: the health of nodes, with the sensors that are not ok. */
@Command(name = "nodehealth", description = {"Shows the hardware health of the nodes of a noderange:",
    "  n1: ok", "  n2: critical (Fan 1:Lower critical, PSU 2:Failed)"})
public final class NodeHealthCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        return status(new NodeOperationPrinter(output()).print(
                api().get(HardwarePaths.of(noderange, HardwarePaths.HEALTH)), NodeHealthCommand::lines));
    }

    static List<String> lines(JsonNode entry) {
        String health = NodeOperationPrinter.value(entry, "health").orElse("");
        List<String> explanations = new ArrayList<>();
        for (JsonNode sensor : entry.path("sensors")) {
            List<String> states = new ArrayList<>();
            sensor.path("states").forEach(state -> states.add(state.asText()));
            explanations.add(sensor.path("name").asText() + ":" + String.join(",", states));
        }
        return List.of(explanations.isEmpty() ? health : health + " (" + String.join(", ", explanations) + ")");
    }
}
