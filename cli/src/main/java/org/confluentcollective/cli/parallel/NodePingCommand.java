package org.confluentcollective.cli.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.output.Output;
import org.confluentcollective.cli.transport.ApiClient;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodeping}: pings each node once, many at a time. */
@Command(name = "nodeping",
        description = {"Pings each node once (ping -c 1 -W 1), up to --count at a time, and prints",
            "n1: ping or n1: no_ping as each answers or not. Exit status 1 when any did not answer."})
public final class NodePingCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Option(names = {"-c", "-f", "--count"}, paramLabel = "N", defaultValue = "168",
            description = "how many nodes at a time (default: ${DEFAULT-VALUE})")
    private int count;

    @Option(names = {"-s", "--substitutename"}, paramLabel = "NAME",
            description = "ping this name instead of the node name: an expression such as {bmc}, "
                    + "or a suffix (-s -ib is {node}-ib)")
    private String substituteName;

    @Option(names = "--origname",
            description = "print the node name even when pinging a substituted name")
    private boolean originalName;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException, InterruptedException {
        if (count < 1) {
            throw usageError("--count must be at least 1");
        }
        ApiClient api = api();
        boolean failed = false;
        List<FanOut.Job> jobs = new ArrayList<>();
        if (substituteName == null) {
            for (String node : NodeTemplates.nodes(api, noderange)) {
                jobs.add(new FanOut.Job(node, ping(node)));
            }
        } else {
            NodeTemplates.Evaluated names = NodeTemplates.evaluate(api, output(), noderange,
                    NodeTemplates.substitution(substituteName));
            failed = names.failed();
            for (Map.Entry<String, String> node : names.byNode().entrySet()) {
                jobs.add(new FanOut.Job(originalName ? node.getKey() : node.getValue(), ping(node.getValue())));
            }
        }
        Answers answers = new Answers(output());
        FanOut.run(jobs, count, answers);
        return failed || answers.anyUnanswered() ? ExitCode.FAILED : ExitCode.OK;
    }

    private static List<String> ping(String target) {
        return List.of("ping", "-c", "1", "-W", "1", target);
    }

    /** Prints {@code n1: ping} or {@code n1: no_ping} as each ping ends; ping's own output is dropped. */
    private static final class Answers implements FanOut.Listener {

        private final Output output;
        private final Set<String> unanswered = ConcurrentHashMap.newKeySet();

        Answers(Output output) {
            this.output = output;
        }

        @Override
        public void stdout(String node, String line) {
        }

        @Override
        public void stderr(String node, String line) {
        }

        @Override
        public void finished(String node, int status) {
            if (status != 0) {
                unanswered.add(node);
            }
            synchronized (output.out()) {
                output.line(node + (status == 0 ? ": ping" : ": no_ping"));
            }
        }

        @Override
        public void failed(String node, String reason) {
            unanswered.add(node);
            synchronized (output.err()) {
                output.error(node, reason);
            }
        }

        boolean anyUnanswered() {
            return !unanswered.isEmpty();
        }
    }
}
