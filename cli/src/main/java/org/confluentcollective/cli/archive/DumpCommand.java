package org.confluentcollective.cli.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dump DIR}: a consistent backup of the running collective's database. Admin only. */
@Command(name = "dump", description = {
    "Writes a consistent dump of nodes, groups and users to DIR (meta.json, nodes.json, groups.json,",
    "users.json), taken while the collective runs. Secrets are sealed with a passphrase (-p, or",
    "CONFLUENT_DUMP_PASSPHRASE) or left out (--redact). Admin only."})
public final class DumpCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "a new or empty directory")
    private Path dir;

    @Option(names = {"-p", "--passphrase"}, description = "prompt for the passphrase that seals the secrets")
    private boolean prompt;

    @Option(names = "--redact", description = "leave the secrets out instead")
    private boolean redact;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        Optional<String> passphrase = redact ? Optional.empty()
                : ArchiveFiles.passphrase(invocation().environment(), prompt, true);
        if (redact == passphrase.isPresent() || (redact && prompt)) {
            throw usageError("give -p (or set " + ArchiveFiles.PASSPHRASE_VARIABLE + ") to seal the secrets,"
                    + " or --redact to leave them out");
        }
        ObjectNode body = invocation().mapper().createObjectNode();
        if (redact) {
            body.put("redact", true);
        } else {
            body.put("passphrase", passphrase.get());
        }
        JsonNode files = api().post("/collective/dump", body).path("files");
        ArchiveFiles.write(dir, files);
        JsonNode meta;
        try {
            meta = new ObjectMapper().readTree(files.path("meta.json").asText());
        } catch (IOException e) {
            throw new CliException("the dump's meta.json is not JSON: " + e.getMessage());
        }
        JsonNode counts = meta.path("counts");
        output().line("dumped " + counts.path("nodes").asInt() + " nodes, " + counts.path("groups").asInt()
                + " groups, " + counts.path("users").asInt() + " users and " + counts.path("secrets").asInt()
                + (redact ? " secrets (left out)" : " secrets (sealed)") + " to " + dir);
        return ExitCode.OK;
    }
}
