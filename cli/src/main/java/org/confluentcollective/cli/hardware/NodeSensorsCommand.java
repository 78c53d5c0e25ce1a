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

/** {@code nodesensors}: the sensor readings of nodes. */
@Command(name = "nodesensors", description = {"Shows the hardware sensors of the nodes of a noderange:",
    "  n1: MB Temp: 45.0 °C"})
public final class NodeSensorsCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        return status(new NodeOperationPrinter(output()).print(
                api().get(HardwarePaths.of(noderange, HardwarePaths.SENSORS)), NodeSensorsCommand::lines));
    }

    /** {@code Name: value units}; a sensor without a value shows its states instead. */
    static List<String> lines(JsonNode entry) {
        List<String> lines = new ArrayList<>();
        for (JsonNode sensor : entry.path("sensors")) {
            String name = sensor.path("name").asText();
            JsonNode value = sensor.path("value");
            if (value.isMissingNode() || value.isNull()) {
                List<String> states = new ArrayList<>();
                sensor.path("states").forEach(state -> states.add(state.asText()));
                lines.add(name + ": " + String.join(", ", states));
            } else {
                String units = sensor.path("units").asText("");
                lines.add(name + ": " + value.asText() + (units.isEmpty() ? "" : " " + units));
            }
        }
        return lines;
    }
}
