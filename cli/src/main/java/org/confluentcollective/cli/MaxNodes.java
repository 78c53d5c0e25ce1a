package org.confluentcollective.cli;

import java.util.List;
import org.confluentcollective.cli.output.Answers;
import org.confluentcollective.cli.transport.ApiClient;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ApiPath;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Option;

/**
 * The original tools' {@code -m/--maxnodes N}: before changing more than N nodes, ask
 * {@code Command is about to affect 12 nodes, continue (y/n)? } on the terminal; anything but
 * {@code y} aborts. Without a terminal to ask on, it refuses rather than act unconfirmed.
 */
public final class MaxNodes {

    @Option(names = {"-m", "--maxnodes"}, paramLabel = "N",
            description = "ask for confirmation before acting on more than N nodes (refused without a terminal)")
    private Integer maxNodes;

    /**
     * Whether to go on: true without {@code -m}, within the limit, or confirmed; otherwise says
     * {@code Aborting at user request} (as the original) and returns false.
     *
     * @throws CliException when there is no terminal to ask on
     */
    public boolean confirm(Invocation invocation, String noderange)
            throws CliException, ApiException, ConnectionException {
        if (maxNodes == null) {
            return true;
        }
        ApiClient api = invocation.api();
        Environment environment = invocation.environment();
        List<String> nodes = Answers.itemNames(api.get("/noderange/" + ApiPath.segment(noderange) + "/nodes/"));
        if (nodes.size() <= maxNodes) {
            return true;
        }
        String prompt = nodes.size() == 1 ? "Command is about to affect node " + nodes.get(0) + ", continue (y/n)? "
                : "Command is about to affect " + nodes.size() + " nodes, continue (y/n)? ";
        String answer = environment.prompter().readLine(prompt, "give a larger -m to go ahead without asking");
        if (!answer.strip().equalsIgnoreCase("y")) {
            invocation.output().err().println("Aborting at user request");
            return false;
        }
        return true;
    }
}
