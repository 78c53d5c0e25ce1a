package org.confluentcollective.cli.parallel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.MaxNodes;
import org.confluentcollective.cli.attributes.ShellWords;
import org.confluentcollective.cli.transport.ApiClient;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodeshell}: runs a command on each node of a noderange over ssh, many at a time. */
@Command(name = "nodeshell",
        description = {"Runs a command on each node over ssh, up to --count at a time; each output line",
            "is prefixed with the node's name. The command is an expression like attribute values:",
            "'ipmitool -H {hardwaremanagement.manager}' is expanded per node by the server."},
        footerHeading = "%nEnvironment:%n",
        footer = {"  CONFLUENT_SSH_OPTIONS  more ssh options, split like shell words (e.g. -F FILE)"})
public final class NodeShellCommand extends ApiCommand {

    static final String SSH_OPTIONS_VARIABLE = "CONFLUENT_SSH_OPTIONS";

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "the command (an expression)")
    private List<String> command;

    @Option(names = {"-c", "-f", "--count"}, paramLabel = "N", defaultValue = "168",
            description = "how many nodes at a time (default: ${DEFAULT-VALUE})")
    private int count;

    @Option(names = {"-l", "--loginname"}, paramLabel = "USER", description = "log in as USER (default: ssh's choice)")
    private String loginName;

    @Mixin
    private MaxNodes maxNodes;

    @Option(names = {"-n", "--nonodeprefix"}, description = "do not prefix the output with node names")
    private boolean noPrefix;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "ssh to this port")
    private Integer port;

    @Option(names = {"-s", "--substitutename"}, paramLabel = "NAME",
            description = "ssh to this name instead of the node name: an expression such as {bmc}, "
                    + "or a suffix (-s -ib is {node}-ib)")
    private String substituteName;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "10",
            description = "ssh's connect timeout; 0 leaves ssh's own (default: ${DEFAULT-VALUE})")
    private int timeout;

    @Option(names = {"-x", "--noexpression"}, description = "send the command as it is, unexpanded")
    private boolean noExpression;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException, InterruptedException {
        if (count < 1) {
            throw usageError("--count must be at least 1");
        }
        if (timeout < 0) {
            throw usageError("--timeout cannot be negative");
        }
        if (!maxNodes.confirm(invocation(), noderange)) {
            return ExitCode.FAILED;
        }
        ApiClient api = api();
        String text = String.join(" ", command);
        Map<String, String> notRun = new LinkedHashMap<>();
        Map<String, String> commands;
        if (noExpression) {
            commands = new LinkedHashMap<>();
            for (String node : NodeTemplates.nodes(api, noderange)) {
                commands.put(node, text);
            }
        } else {
            NodeTemplates.Evaluated evaluated = NodeTemplates.evaluate(api, output(), noderange, text);
            commands = evaluated.byNode();
            notRun.putAll(evaluated.errors());
        }
        Map<String, String> targets = new LinkedHashMap<>();
        if (substituteName != null) {
            NodeTemplates.Evaluated names = NodeTemplates.evaluate(api, output(),
                    noderange, NodeTemplates.substitution(substituteName));
            targets.putAll(names.byNode());
            names.errors().forEach(notRun::putIfAbsent);
        }
        List<String> sshOptions = sshOptions();
        List<FanOut.Job> jobs = new ArrayList<>();
        for (Map.Entry<String, String> node : commands.entrySet()) {
            if (substituteName != null && !targets.containsKey(node.getKey())) {
                continue;
            }
            jobs.add(new FanOut.Job(node.getKey(),
                    sshArguments(targets.getOrDefault(node.getKey(), node.getKey()), node.getValue(), sshOptions)));
        }
        Results results = output().json() ? new CollectedOutput(output()) : new PrefixedLines(output(), !noPrefix);
        results.notRun(notRun);
        FanOut.run(jobs, count, results);
        results.end();
        return !notRun.isEmpty() || results.anyFailed() ? ExitCode.FAILED : ExitCode.OK;
    }

    private List<String> sshOptions() throws CliException {
        try {
            return ShellWords.split(invocation().environment().variable(SSH_OPTIONS_VARIABLE).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new CliException(SSH_OPTIONS_VARIABLE + ": " + e.getMessage());
        }
    }

    /** {@code ssh -o BatchMode=yes [-o ConnectTimeout=T] [extra] [-p P] [-l U] -- TARGET COMMAND}. */
    List<String> sshArguments(String target, String remoteCommand, List<String> extra) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes"));
        if (timeout > 0) {
            argv.addAll(List.of("-o", "ConnectTimeout=" + timeout));
        }
        argv.addAll(extra);
        if (port != null) {
            argv.addAll(List.of("-p", port.toString()));
        }
        if (loginName != null) {
            argv.addAll(List.of("-l", loginName));
        }
        argv.add("--");
        argv.add(target);
        argv.add(remoteCommand);
        return argv;
    }
}
