package org.confluentcollective.cli.groups;

import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.Each;
import org.confluentcollective.cli.OriginalErrors;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodegroupremove}: deletes a group (its nodes stay). */
@Command(name = "nodegroupremove", description = "Removes a node group; its nodes remain, without it.")
public final class NodeGroupRemoveCommand extends ApiCommand implements OriginalErrors {

    @Parameters(index = "0", paramLabel = "GROUP", description = "the group to remove, or several: g1,g2")
    private String group;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        List<String> groups = GroupPaths.split(group);
        if (groups.size() == 1) {
            output().outcome(api().delete(GroupPaths.group(groups.get(0))), "deleted");
            return ExitCode.OK;
        }
        boolean failed = false;
        for (String each : groups) {
            try {
                output().outcome(api().delete(GroupPaths.group(each)), "deleted");
            } catch (ApiException e) {
                failed |= Each.reportOrRethrow(e, output());
            }
        }
        return status(failed);
    }
}
