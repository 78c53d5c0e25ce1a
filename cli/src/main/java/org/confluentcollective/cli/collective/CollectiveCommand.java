package org.confluentcollective.cli.collective;

import picocli.CommandLine.Command;

/** {@code collective}: the members of the collective (invite and join come with multi-member support). */
@Command(name = "collective",
        description = "Shows the collective: quorum, leader and members.",
        subcommands = {CollectiveShowCommand.class})
public final class CollectiveCommand {
}
