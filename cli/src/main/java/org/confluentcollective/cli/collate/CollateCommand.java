package org.confluentcollective.cli.collate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code collate}: reads {@code node: text} lines and shows each distinct output once, under its nodes. */
@Command(name = "collate",
        description = {"Reads 'node: text' lines (from nodeshell, noderun, nodeattrib, ...) on standard",
            "input and prints each distinct output once, under the nodes that gave it, the most",
            "common first: nodeshell compute uname -r | collate -a"})
public final class CollateCommand extends ApiCommand {

    /** The original's: clear the screen and go to its top left corner. */
    static final String CLEAR_SCREEN = "\u001b[2J\u001b[;H";
    /** With --watch, the longest wait for more input before showing what there is, and between redraws. */
    private static final long HOLDOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-a", "--abbreviate"}, description = "write the nodes as a short noderange (n[1-4,7])")
    private boolean abbreviate;

    @Option(names = {"-b", "--base"}, paramLabel = "NODE",
            description = "with -d, compare with this node's output rather than the most common")
    private String base;

    @Option(names = {"-c", "--count"}, description = "also show how many nodes are in each group")
    private boolean count;

    @Option(names = {"-d", "--diff"},
            description = "show the other outputs as their difference from the most common one")
    private boolean diff;

    @Option(names = {"-g", "--groupcount"}, description = "print only how many different outputs there are")
    private boolean groupCount;

    @Option(names = {"-l", "--log"}, paramLabel = "FILE",
            description = "append each node's lines to FILE, {node} standing for its name (log/{node}.log), "
                    + "instead of printing")
    private String log;

    @Option(names = {"-r", "--reverse"}, description = "the biggest group last")
    private boolean reverse;

    @Option(names = {"-s", "--skipcommon"}, description = "leave out the most common output (with -d: the reference)")
    private boolean skipCommon;

    @Option(names = {"-w", "--watch"}, description = "redraw the screen with the results so far while input comes")
    private boolean watch;

    @Override
    public Integer call() throws CliException, InterruptedException {
        if (watch && output().json()) {
            throw usageError("--watch redraws a terminal's screen; it does not go with -o json");
        }
        GroupedOutput grouped = new GroupedOutput();
        NodeLogs logs = log == null ? null : new NodeLogs(log);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input(), StandardCharsets.UTF_8))) {
            if (watch && logs == null) {
                watch(new WatchedInput(reader), grouped);
                return ExitCode.OK;
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (logs != null) {
                    logs.addLine(line, output());
                } else {
                    grouped.addLine(line);
                }
            }
        } catch (IOException e) {
            throw new CliException("reading standard input failed: " + e.getMessage());
        }
        if (logs != null) {
            return logs.failed() ? ExitCode.FAILED : ExitCode.OK;
        }
        show(grouped);
        return ExitCode.OK;
    }

    /**
     * As the original: redraws the screen with the results so far once input pauses for 250 ms, or
     * at the latest 250 ms after the first line not shown yet; at the end, shows what was not shown.
     */
    private void watch(WatchedInput input, GroupedOutput grouped) throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean pending = true;
        boolean cleared = false;
        long holdoff = 0;
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            grouped.addLine(line);
            if (holdoff == 0) {
                holdoff = System.nanoTime() + HOLDOFF_NANOS;
            }
            if (System.nanoTime() - holdoff > 0 || !input.arrivesWithin(HOLDOFF_NANOS)) {
                holdoff = 0;
                out.print(CLEAR_SCREEN);
                show(grouped);
                pending = false;
                cleared = true;
            } else {
                pending = true;
            }
        }
        if (pending) {
            if (cleared) {
                out.print(CLEAR_SCREEN);
            }
            show(grouped);
        }
    }

    private void show(GroupedOutput grouped) {
        Output output = output();
        PrintWriter out = spec.commandLine().getOut();
        GroupedOutput.Layout layout = new GroupedOutput.Layout(abbreviate, count, reverse, skipCommon, diff, base);
        if (groupCount) {
            out.println(grouped.groupCount());
        } else if (output.json()) {
            output.printJson(json(grouped.shown(layout, text -> output.warning(null, text)), abbreviate, output));
        } else {
            grouped.print(out, layout, text -> output.warning(null, text));
        }
        out.flush();
    }

    /**
     * {@code [{"nodes": [...], "count": N, "output": [lines]}, ...]} in the order the text prints, plus
     * {@code "noderange"} with -a and, with -d, {@code "diff"} for the groups compared with the reference.
     */
    private static ArrayNode json(Iterable<GroupedOutput.Shown> groups, boolean abbreviate, Output output) {
        ArrayNode array = output.mapper().createArrayNode();
        for (GroupedOutput.Shown group : groups) {
            ObjectNode object = array.addObject();
            group.nodes().forEach(object.putArray("nodes")::add);
            if (abbreviate) {
                object.put("noderange", group.header());
            }
            object.put("count", group.nodes().size());
            group.outputLines().forEach(object.putArray("output")::add);
            if (group.diff() != null) {
                group.diff().forEach(object.putArray("diff")::add);
            }
        }
        return array;
    }

    private InputStream input() {
        InputStream stdin = invocation().environment().stdin();
        if (stdin == System.in && System.console() != null) {
            throw usageError("collate reads the output of another command: nodeshell NR CMD | collate");
        }
        return stdin;
    }
}
