package org.confluentcollective.cli.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import DIR}: takes over a dump written by the original confluent's {@code confluentdbutil dump}. */
@Command(name = "import", description = {
    "Imports a dump of the original confluent (confluentdbutil dump DIR: main.json, keys.json, ...):",
    "nodes, groups, attributes, expressions, secrets (opened with keys.json) and users. Entries of",
    "the dump replace those of the same name; the others stay (--replace: remove them). Every item",
    "that could not be taken over is listed; the exit status is then 1. Admin only."})
public final class ImportCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "a directory written by confluentdbutil dump")
    private Path dir;

    @Option(names = {"-p", "--passphrase"},
            description = "prompt for keys.json's passphrase (else CONFLUENT_DUMP_PASSPHRASE, else asked if needed)")
    private boolean prompt;

    @Option(names = "--keys", paramLabel = "FILE",
            description = "the keys.json of an earlier protected dump (for a dump made with -s)")
    private Path keys;

    @Option(names = "--replace", description = "remove nodes, groups and users that are not in the dump")
    private boolean replace;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        ObjectNode body = invocation().mapper().createObjectNode();
        ObjectNode files = ArchiveFiles.read(dir, List.of("main.json", "keys.json", "globals.json", "collective.json"),
                body.putObject("files"));
        if (!files.has("main.json")) {
            throw new CliException(dir + " has no main.json: not a dump of confluentdbutil");
        }
        if (keys != null) {
            try {
                files.put("keys.json", Files.readString(keys, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CliException("cannot read " + keys + ": " + e.getMessage());
            }
        }
        String cryptkey = files.path("keys.json").asText("");
        boolean protectedKey = cryptkey.contains("\"cryptkey\"") && !cryptkey.contains("*unencrypted:");
        if (protectedKey || prompt) {
            ArchiveFiles.passphrase(invocation().environment(), true, false)
                    .ifPresent(passphrase -> body.put("passphrase", passphrase));
        }
        body.put("merge", !replace);
        JsonNode answer = api().post("/collective/import", body);
        boolean skipped = ArchiveFiles.printReport(output(), answer, "imported");
        return skipped ? ExitCode.FAILED : ExitCode.OK;
    }
}
