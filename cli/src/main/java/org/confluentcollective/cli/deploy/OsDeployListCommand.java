package org.confluentcollective.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/** {@code osdeploy list}: the profiles, as the original prints them. */
@Command(name = "list", description = "Lists this member's deployment profiles.")
public final class OsDeployListCommand extends ApiCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().get("/deployment/profiles");
        if (output().json()) {
            output().printJson(answer);
            return ExitCode.OK;
        }
        output().line("Profiles:");
        for (JsonNode profile : answer.path("profiles")) {
            output().line("    " + profile.path("name").asText());
        }
        return ExitCode.OK;
    }
}
