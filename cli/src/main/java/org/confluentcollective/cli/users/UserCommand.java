package org.confluentcollective.cli.users;

import picocli.CommandLine.Command;

/** {@code user}: manages the accounts that may use the HTTPS API. */
@Command(name = "user",
        description = "Manages API users (for HTTPS; the local socket needs none). Admin only.",
        subcommands = {UserAddCommand.class, UserListCommand.class, UserRemoveCommand.class,
            UserPasswdCommand.class})
public final class UserCommand {
}
