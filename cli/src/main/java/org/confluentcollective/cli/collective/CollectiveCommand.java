package org.confluentcollective.cli.collective;

import picocli.CommandLine.Command;

/** {@code collective}: the members of the collective. */
@Command(name = "collective",
        description = "Shows and changes the collective: quorum, leader, members.",
        subcommands = {CollectiveShowCommand.class, CollectiveInviteCommand.class, CollectiveJoinCommand.class,
            CollectiveDeleteCommand.class, CollectiveRecoverCommand.class, CollectiveRebalanceCommand.class})
public final class CollectiveCommand {
}
