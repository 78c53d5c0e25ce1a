package org.confluentcollective.cli.zk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/** {@code zk ls PATH}: the children, printed as zkCli does: {@code [a, b, c]}. */
@Command(name = "ls", description = "Lists a znode's children in natural order: [a, b, c].")
public final class ZkLsCommand extends ZnodeCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().get(request("ls"));
        if (output().json()) {
            output().printJson(answer);
            return ExitCode.OK;
        }
        List<String> children = new ArrayList<>();
        answer.path("children").forEach(child -> children.add(child.asText()));
        output().line(children.toString());
        return ExitCode.OK;
    }
}
