package org.confluentcollective.cli.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** {@code restore DIR}: puts a dump back into the running collective. Admin only. */
@Command(name = "restore", description = {
    "Restores a dump made by 'dump': the database then holds exactly the dump's nodes, groups and",
    "users (with --merge, entries of the dump replace those of the same name and the others stay).",
    "Nothing is written unless the whole dump checks out (and the passphrase opens it). Admin only."})
public final class RestoreCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "a directory written by 'dump'")
    private Path dir;

    @Option(names = {"-p", "--passphrase"},
            description = "prompt for the dump's passphrase (else CONFLUENT_DUMP_PASSPHRASE, else asked if needed)")
    private boolean prompt;

    @Option(names = "--merge", description = "keep nodes, groups and users that are not in the dump")
    private boolean merge;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        ObjectNode body = invocation().mapper().createObjectNode();
        ObjectNode files = ArchiveFiles.read(dir, List.of("meta.json", "nodes.json", "groups.json", "users.json"),
                body.putObject("files"));
        if (!files.has("meta.json")) {
            throw new CliException(dir + " has no meta.json: not a dump of confluent-collective"
                    + " (a dump of confluent is read by 'import')");
        }
        boolean sealed;
        try {
            sealed = "passphrase".equals(invocation().mapper().readTree(files.path("meta.json").asText())
                    .path("secrets").path("protection").asText());
        } catch (java.io.IOException e) {
            throw new CliException(dir.resolve("meta.json") + " is not JSON: " + e.getMessage());
        }
        if (sealed || prompt) {
            ArchiveFiles.passphrase(invocation().environment(), true, false)
                    .ifPresent(passphrase -> body.put("passphrase", passphrase));
        }
        body.put("merge", merge);
        JsonNode answer = api().post("/collective/restore", body);
        boolean skipped = ArchiveFiles.printReport(output(), answer, merge ? "merged" : "restored");
        return skipped ? ExitCode.FAILED : ExitCode.OK;
    }
}
