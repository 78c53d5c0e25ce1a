package org.confluentcollective.cli.zk;

import com.fasterxml.jackson.databind.JsonNode;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zk tree PATH}: the subtree's paths, one per line, depth first; a warning if the limit cut it short. */
@Command(name = "tree", description = "Lists PATH and every znode below it, depth first, one per line.")
public final class ZkTreeCommand extends ZnodeCommand {

    @Option(names = "--limit", paramLabel = "N",
            description = "list at most N paths (default: the server's, 1000)")
    private Integer limit;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().get(request("tree") + (limit == null ? "" : "&limit=" + limit));
        if (output().json()) {
            output().printJson(answer);
            return ExitCode.OK;
        }
        answer.path("paths").forEach(path -> output().line(path.asText()));
        if (answer.path("truncated").asBoolean()) {
            output().warning(null, "stopped after " + answer.path("limit").asText()
                    + " paths; give --limit N to list more");
        }
        return ExitCode.OK;
    }
}
