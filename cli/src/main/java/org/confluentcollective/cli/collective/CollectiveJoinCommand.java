package org.confluentcollective.cli.collective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code collective join HOST -i TOKEN}: makes this member join the collective that HOST
 * belongs to. This member's own database is discarded; it restarts with the collective's.
 */
@Command(name = "join", description = {
    "Joins the collective of the member at HOST[:PORT] (its HTTPS port, default 4005) with a token",
    "from 'collective invite'. This member's own nodes, groups and users are discarded and",
    "replaced by the collective's. Without -i the token is read from standard input (or asked for)."})
public final class CollectiveJoinCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "a member of the collective")
    private String server;

    @Option(names = {"-i", "--token"}, paramLabel = "TOKEN", description = "the invitation token")
    private String token;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "how long to wait for this member to be in the collective (default: ${DEFAULT-VALUE})")
    private int waitSeconds;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        String tokenText = token != null ? token : readToken();
        ObjectNode body = invocation().mapper().createObjectNode().put("server", server).put("token", tokenText);
        api().post("/collective/join", body);
        JsonNode joined = awaitCollective();
        if (output().json()) {
            output().printJson(joined);
        } else {
            output().line("Success: joined the collective of " + server + " (" + joined.path("members").size()
                    + " members)");
        }
        return ExitCode.OK;
    }

    private String readToken() throws CliException {
        if (System.console() != null) {
            return invocation().environment().prompter().readSecret("Token: ", "give it with -i TOKEN");
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new CliException("no token: give it with -i TOKEN or on standard input");
            }
            return line.strip();
        } catch (IOException e) {
            throw new CliException("cannot read the token from standard input: " + e.getMessage());
        }
    }

    /** The member restarts into the collective: wait until it answers as part of it, with a quorum. */
    private JsonNode awaitCollective() throws CliException {
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
                JsonNode status = api().get("/collective/");
                if (status.path("quorum").asBoolean() && status.path("members").size() > 1) {
                    return status;
                }
                last = "quorum " + status.path("quorum").asBoolean() + ", " + status.path("members").size()
                        + " member(s)";
            } catch (ConnectionException | ApiException restarting) {
                last = restarting.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new CliException("the join was accepted, but this member did not show the collective within "
                + waitSeconds + " s (last: " + last + "); see confluentd's log");
    }
}
