package org.confluentcollective.cli.collective;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code collective delete NAME}: removes a member; the others stop trusting it. */
@Command(name = "delete", description = {
    "Removes member NAME from the collective (run it on another member). Needs a quorum.",
    "If NAME voted and an observer exists, the observer takes its vote."})
public final class CollectiveDeleteCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the member to remove")
    private String name;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        output().outcome(api().delete("/collective/members/" + name), "deleted");
        return ExitCode.OK;
    }
}
