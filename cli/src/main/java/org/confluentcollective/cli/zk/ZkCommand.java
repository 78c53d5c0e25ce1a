package org.confluentcollective.cli.zk;

import picocli.CommandLine.Command;

/** {@code zk}: zkCli-style reads of the collective's ZooKeeper data, for debugging. */
@Command(name = "zk",
        description = "Inspects znodes like zkCli (read only, secrets masked). Admin only.",
        subcommands = {ZkLsCommand.class, ZkGetCommand.class, ZkStatCommand.class, ZkTreeCommand.class,
            ZkShellCommand.class})
public final class ZkCommand {
}
