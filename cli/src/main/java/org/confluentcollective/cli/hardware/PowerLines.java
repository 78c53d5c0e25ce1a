package org.confluentcollective.cli.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.confluentcollective.cli.output.NodeOperationPrinter;

/** A node's power state: {@code on}, or {@code off->on} after a change that moved it. */
final class PowerLines {

    private PowerLines() {
    }

    static List<String> of(JsonNode entry) {
        String state = NodeOperationPrinter.value(entry, "state").orElse("");
        Optional<String> old = NodeOperationPrinter.value(entry, "oldstate");
        return List.of(old.isPresent() && !old.get().equals(state) ? old.get() + "->" + state : state);
    }
}
