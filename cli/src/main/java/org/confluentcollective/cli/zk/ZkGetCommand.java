package org.confluentcollective.cli.zk;

import com.fasterxml.jackson.databind.JsonNode;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/** {@code zk get PATH}: the data alone, as zkCli prints it ({@code null} for a znode without data). */
@Command(name = "get", description = "Prints a znode's data, secrets masked "
        + "(binary data as base64:...).")
public final class ZkGetCommand extends ZnodeCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().get(request("get"));
        if (output().json()) {
            output().printJson(answer);
        } else {
            JsonNode data = answer.path("data");
            output().line(data.isTextual() ? data.asText() : "null");
        }
        return ExitCode.OK;
    }
}
