package org.confluentcollective.cli.deploy;

import picocli.CommandLine.Command;

/** {@code osdeploy}: the deployment root of the member the command talks to. */
@Command(name = "osdeploy",
        description = {"Manages the deployment root of the member it talks to (per member: keep it identical",
            "on every member, docs/operations.md). initialize and import: root on the member (socket)."},
        subcommands = {OsDeployInitializeCommand.class, OsDeployImportCommand.class, OsDeployListCommand.class})
public final class OsDeployCommand {
}
