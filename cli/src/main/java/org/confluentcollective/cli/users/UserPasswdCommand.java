package org.confluentcollective.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user passwd}: sets a user's password. */
@Command(name = "passwd", description = {"Sets a user's password, from CONFLUENT_NEW_PASSWORD",
    "or prompted for twice."})
public final class UserPasswdCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the user")
    private String name;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        ObjectNode body = invocation().mapper().createObjectNode()
                .put("password", NewPassword.obtain(invocation().environment(), name));
        JsonNode answer = api().put(UserPaths.user(name), body);
        if (output().json()) {
            output().printJson(answer);
        } else {
            output().line(name + ": password changed");
        }
        return ExitCode.OK;
    }
}
