package org.confluentcollective.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.output.Answers;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/** {@code user list}: the users and their roles. */
@Command(name = "list", description = "Lists the users with their roles: 'alice: operator'.")
public final class UserListCommand extends ApiCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        ArrayNode users = invocation().mapper().createArrayNode();
        for (String name : Answers.itemNames(api().get(UserPaths.USERS))) {
            users.add(api().get(UserPaths.user(name)));
        }
        if (output().json()) {
            output().printJson(users);
        } else {
            for (JsonNode user : users) {
                output().line(user.path("name").asText() + ": " + user.path("role").asText());
            }
        }
        return ExitCode.OK;
    }
}
