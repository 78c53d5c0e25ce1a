package org.confluentcollective.cli.groups;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodegroupremove}: deletes a group (its nodes stay). */
@Command(name = "nodegroupremove", description = "Removes a node group; its nodes remain, without it.")
public final class NodeGroupRemoveCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "the group to remove")
    private String group;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        output().outcome(api().delete(GroupPaths.group(group)), "deleted");
        return ExitCode.OK;
    }
}
