package org.confluentcollective.cli.collate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.confluentcollective.cli.output.Output;

/**
 * collate -l: each {@code node: text} line appended to the file the template names for its node
 * ({@code {node}} or {@code {nodename}} replaced by the name), as the original: a line without a colon
 * belongs to {@code UNKNOWN}, and when the first line has a blank after its colon, one leading blank is
 * dropped from every line. Each line opens and closes its file (thousands of nodes, as many files).
 */
final class NodeLogs {

    private final String template;
    private final Set<Path> failedFiles = new HashSet<>();
    private Boolean padded;
    private boolean failed;

    NodeLogs(String template) {
        this.template = template;
    }

    void addLine(String line, Output output) {
        if (line.isEmpty()) {
            return;
        }
        int colon = line.indexOf(':');
        String node = colon < 0 ? "UNKNOWN" : line.substring(0, colon);
        String text = colon < 0 ? " " + line : line.substring(colon + 1);
        if (padded == null) {
            padded = text.startsWith(" ");
        }
        if (padded && text.startsWith(" ")) {
            text = text.substring(1);
        }
        // the name comes from the input: it must not lead the file elsewhere (../, a/b)
        if (node.isEmpty() || node.contains("/") || node.equals(".") || node.equals("..")) {
            failed = true;
            output.error(null, "not logging a line of '" + node + "': not a node name");
            return;
        }
        Path file = Path.of(template.replace("{nodename}", node).replace("{node}", node));
        try {
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            failed = true;
            if (failedFiles.add(file)) {
                output.error(node, "cannot write " + file + ": " + e.getMessage());
            }
        }
    }

    boolean failed() {
        return failed;
    }
}
