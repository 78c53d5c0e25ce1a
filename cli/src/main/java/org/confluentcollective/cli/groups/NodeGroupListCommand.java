package org.confluentcollective.cli.groups;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.output.Answers;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/** {@code nodegrouplist}: lists the groups. */
@Command(name = "nodegrouplist", description = "Lists the node groups, one per line.")
public final class NodeGroupListCommand extends ApiCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        output().names(Answers.itemNames(api().get(GroupPaths.GROUPS)));
        return ExitCode.OK;
    }
}
