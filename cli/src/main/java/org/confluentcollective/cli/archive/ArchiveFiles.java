package org.confluentcollective.cli.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.Environment;
import org.confluentcollective.cli.output.Output;

/** Files of a dump directory, passphrases, and the printing of a restore's report. */
final class ArchiveFiles {

    static final String PASSPHRASE_VARIABLE = "CONFLUENT_DUMP_PASSPHRASE";

    private ArchiveFiles() {
    }

    /** The passphrase from the environment, else prompted for ({@code twice} for a new dump). */
    static Optional<String> passphrase(Environment environment, boolean prompt, boolean twice) throws CliException {
        Optional<String> variable = environment.variable(PASSPHRASE_VARIABLE);
        if (variable.isPresent()) {
            return variable;
        }
        if (!prompt) {
            return Optional.empty();
        }
        String alternative = "set " + PASSPHRASE_VARIABLE + " instead";
        String passphrase = twice
                ? environment.prompter().readSecretTwice("Dump passphrase: ", "Retype dump passphrase: ", alternative)
                : environment.prompter().readSecret("Passphrase: ", alternative);
        if (passphrase.isEmpty()) {
            throw new CliException("the passphrase may not be empty");
        }
        return Optional.of(passphrase);
    }

    /** Reads the named files of {@code dir} that exist into {@code files} (name → text). */
    static ObjectNode read(Path dir, List<String> names, ObjectNode files) throws CliException {
        if (!Files.isDirectory(dir)) {
            throw new CliException(dir + " is not a directory");
        }
        for (String name : names) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                try {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new CliException("cannot read " + file + ": " + e.getMessage());
                }
            }
        }
        return files;
    }

    /** Writes each file readable by its owner only, each whole or not at all. */
    static void write(Path dir, JsonNode files) throws CliException {
        try {
            if (Files.exists(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new CliException(dir + " is not empty: dump into a new or empty directory");
                    }
                }
            } else {
                Files.createDirectories(dir);
                trySetPermissions(dir, "rwx------");
            }
            for (var it = files.fields(); it.hasNext(); ) {
                var file = it.next();
                String name = file.getKey();
                if (!name.matches("[a-z]+\\.json")) {
                    throw new CliException("the server sent an unexpected file name: " + name);
                }
                Path temporary = dir.resolve("." + name + ".tmp");
                Files.writeString(temporary, file.getValue().textValue(), StandardCharsets.UTF_8);
                trySetPermissions(temporary, "rw-------");
                Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new CliException("cannot write the dump to " + dir + ": " + e.getMessage());
        }
    }

    private static void trySetPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions
        }
    }

    /**
     * Prints a restore's or an import's report: counts, then one line per item skipped and per note.
     *
     * @return whether anything was skipped
     */
    static boolean printReport(Output output, JsonNode answer, String what) {
        if (output.json()) {
            output.printJson(answer);
            return answer.path("skipped").size() > 0;
        }
        JsonNode counts = answer.path("counts");
        StringBuilder line = new StringBuilder(what + ": ");
        String separator = "";
        for (var it = counts.fields(); it.hasNext(); ) {
            var count = it.next();
            line.append(separator).append(count.getValue().asInt()).append(' ').append(count.getKey());
            separator = ", ";
        }
        output.line(line.toString());
        answer.path("skipped").forEach(item -> output.line("skipped: " + item.asText()));
        answer.path("notes").forEach(item -> output.line("note: " + item.asText()));
        return answer.path("skipped").size() > 0;
    }
}
