package org.confluentcollective.cli.collective;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code collective recover --force}: after a majority of voters is lost for good, makes this
 * member a collective of one with everything it holds; the others are then invited again.
 */
@Command(name = "recover", description = {
    "Rebuilds a collective of one from this member's copy after a majority of voters is lost for good.",
    "Every other member is forgotten and must be invited again. Only on the member itself, as root.",
    "Never run it on both sides of a network split: each would become its own collective."})
public final class CollectiveRecoverCommand extends ApiCommand {

    @Option(names = "--force", required = true, description = "confirm: forget every other member")
    private boolean force;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        api().post("/collective/recover", invocation().mapper().createObjectNode().put("force", force));
        output().line("Recovering: this member restarts as a collective of one; check with 'collective show'.");
        return ExitCode.OK;
    }
}
