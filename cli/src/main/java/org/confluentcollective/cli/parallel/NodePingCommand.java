package org.confluentcollective.cli.parallel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.collate.NaturalOrder;
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
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, String> notRun = Map.of();
        if (substituteName == null) {
            NodeTemplates.nodes(api, noderange).forEach(node -> targets.put(node, node));
        } else {
            NodeTemplates.Evaluated names = NodeTemplates.evaluate(api, output(), noderange,
                    NodeTemplates.substitution(substituteName));
            targets.putAll(names.byNode());
            notRun = names.errors();
        }
        List<FanOut.Job> jobs = new ArrayList<>();
        for (Map.Entry<String, String> node : targets.entrySet()) {
            // the name a node's answer shows under; JSON always uses the node's own
            String shown = originalName || output().json() ? node.getKey() : node.getValue();
            jobs.add(new FanOut.Job(shown, ping(node.getValue())));
        }
        Answers answers = new Answers(output());
        FanOut.run(jobs, count, answers);
        if (output().json()) {
            answers.printJson(substituteName == null ? Map.of() : targets, notRun);
        }
        return !notRun.isEmpty() || answers.anyUnanswered() ? ExitCode.FAILED : ExitCode.OK;
    }

    private static List<String> ping(String target) {
        return List.of("ping", "-c", "1", "-W", "1", target);
    }

    /**
     * Prints {@code n1: ping} or {@code n1: no_ping} as each ping ends; ping's own output is dropped.
     * With {@code -o json}, keeps the answers for {@link #printJson}.
     */
    private static final class Answers implements FanOut.Listener {

        private final Output output;
        private final Map<String, Boolean> answered = new ConcurrentHashMap<>();
        private final Map<String, String> failures = new ConcurrentHashMap<>();

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
            answered.put(node, status == 0);
            if (!output.json()) {
                synchronized (output.out()) {
                    output.line(node + (status == 0 ? ": ping" : ": no_ping"));
                }
            }
        }

        @Override
        public void failed(String node, String reason) {
            failures.put(node, reason);
            synchronized (output.err()) {
                output.error(node, reason);
            }
        }

        /**
         * {@code {"n1": {"ping": true}, "n2": {"ping": false}, "n3": {"error": "..."}}} in natural order;
         * with -s each entry also has the {@code "name"} pinged.
         */
        void printJson(Map<String, String> pinged, Map<String, String> notRun) {
            Map<String, ObjectNode> byNode = new TreeMap<>(NaturalOrder.INSTANCE);
            answered.forEach((node, ping) -> byNode.put(node, output.mapper().createObjectNode().put("ping", ping)));
            failures.forEach((node, reason) -> byNode.put(node, output.mapper().createObjectNode().put("error", reason)));
            notRun.forEach((node, reason) -> byNode.put(node, output.mapper().createObjectNode().put("error", reason)));
            pinged.forEach((node, name) -> {
                if (byNode.containsKey(node) && !byNode.get(node).has("error")) {
                    byNode.get(node).put("name", name);
                }
            });
            ObjectNode document = output.mapper().createObjectNode();
            byNode.forEach(document::set);
            output.printJson(document);
        }

        boolean anyUnanswered() {
            return !failures.isEmpty() || answered.containsValue(false);
        }
    }
}
