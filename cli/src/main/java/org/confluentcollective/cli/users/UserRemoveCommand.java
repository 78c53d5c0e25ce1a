package org.confluentcollective.cli.users;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code user remove}: deletes a user. */
@Command(name = "remove", description = "Removes a user.")
public final class UserRemoveCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the user")
    private String name;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        output().outcome(api().delete(UserPaths.user(name)), "deleted");
        return ExitCode.OK;
    }
}
