package org.confluentcollective.cli.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.MaxNodes;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code noderun}: runs a local command for each node of a noderange, many at a time. */
@Command(name = "noderun",
        description = {"Runs a local command for each node, up to --count at a time, through /bin/sh -c;",
            "each output line is prefixed with the node's name. The command is an expression like",
            "attribute values: 'ipmitool -H {hardwaremanagement.manager}' is expanded per node by the server."})
public final class NodeRunCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "the command (an expression)")
    private List<String> command;

    @Option(names = {"-c", "-f", "--count"}, paramLabel = "N", defaultValue = "168",
            description = "how many nodes at a time (default: ${DEFAULT-VALUE})")
    private int count;

    @Mixin
    private MaxNodes maxNodes;

    @Option(names = {"-n", "--nonodeprefix"}, description = "do not prefix the output with node names")
    private boolean noPrefix;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException, InterruptedException {
        if (count < 1) {
            throw usageError("--count must be at least 1");
        }
        if (!maxNodes.confirm(invocation(), noderange)) {
            return ExitCode.FAILED;
        }
        NodeTemplates.Evaluated evaluated = NodeTemplates.evaluate(api(), output(), noderange, String.join(" ", command));
        List<FanOut.Job> jobs = new ArrayList<>();
        for (Map.Entry<String, String> node : evaluated.byNode().entrySet()) {
            jobs.add(new FanOut.Job(node.getKey(), List.of("/bin/sh", "-c", node.getValue())));
        }
        Results results = output().json() ? new CollectedOutput(output()) : new PrefixedLines(output(), !noPrefix);
        results.notRun(evaluated.errors());
        FanOut.run(jobs, count, results);
        results.end();
        return evaluated.failed() || results.anyFailed() ? ExitCode.FAILED : ExitCode.OK;
    }
}
