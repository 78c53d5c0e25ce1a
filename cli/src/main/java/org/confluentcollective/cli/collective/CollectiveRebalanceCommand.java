package org.confluentcollective.cli.collective;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code collective rebalance}: spreads nodes over their live candidates again. */
@Command(name = "rebalance", description = {
    "Spreads the nodes that have collective.managercandidates evenly over their live candidates.",
    "Failover never gives a returning member its nodes back; this does. Needs a quorum."})
public final class CollectiveRebalanceCommand extends ApiCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().post("/collective/rebalance", invocation().mapper().createObjectNode());
        if (output().json()) {
            output().printJson(answer);
            return ExitCode.OK;
        }
        int moved = answer.path("moved").asInt();
        output().line(moved == 1 ? "Moved 1 node." : "Moved " + moved + " nodes.");
        return ExitCode.OK;
    }
}
