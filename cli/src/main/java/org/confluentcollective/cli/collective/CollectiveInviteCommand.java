package org.confluentcollective.cli.collective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code collective invite NAME}: prints a one-time token for a new member. */
@Command(name = "invite", description = {
    "Prints a one-time token that lets a new member join as NAME (run 'collective join' there).",
    "Inviting the name of an existing member replaces it: how a dead member is restored."})
public final class CollectiveInviteCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the new member's name")
    private String name;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "3600",
            description = "how long the token is valid (default: ${DEFAULT-VALUE} s, at most 7 days)")
    private long ttl;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        ObjectNode body = invocation().mapper().createObjectNode().put("name", name).put("ttl", ttl);
        JsonNode answer = api().post("/collective/invites", body);
        if (output().json()) {
            output().printJson(answer);
        } else {
            output().line(answer.path("token").asText());
        }
        return ExitCode.OK;
    }
}
