package org.confluentcollective.cli.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code user add}: creates a user. */
@Command(name = "add", description = {"Adds a user. The password comes from CONFLUENT_NEW_PASSWORD,",
    "or is prompted for twice."})
public final class UserAddCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the user's login name")
    private String name;

    @Option(names = {"-r", "--role"}, required = true, paramLabel = "ROLE",
            description = "admin, operator (change nodes and groups) or monitor (read only)")
    private UserRole role;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        ObjectNode body = invocation().mapper().createObjectNode()
                .put("name", name)
                .put("role", role.toString())
                .put("password", NewPassword.obtain(invocation().environment(), name));
        output().outcome(api().post(UserPaths.USERS, body), "created");
        return ExitCode.OK;
    }
}
