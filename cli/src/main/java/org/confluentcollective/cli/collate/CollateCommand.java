package org.confluentcollective.cli.collate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
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

    @Spec
    private CommandSpec spec;

    @Option(names = {"-a", "--abbreviate"}, description = "write the nodes as a short noderange (n[1-4,7])")
    private boolean abbreviate;

    @Option(names = {"-c", "--count"}, description = "also show how many nodes are in each group")
    private boolean count;

    @Option(names = {"-g", "--groupcount"}, description = "print only how many different outputs there are")
    private boolean groupCount;

    @Option(names = {"-r", "--reverse"}, description = "the biggest group last")
    private boolean reverse;

    @Option(names = {"-s", "--skipcommon"}, description = "leave out the most common output")
    private boolean skipCommon;

    @Override
    public Integer call() throws CliException {
        GroupedOutput grouped = new GroupedOutput();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                grouped.addLine(line);
            }
        } catch (IOException e) {
            throw new CliException("reading standard input failed: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (groupCount) {
            out.println(grouped.groupCount());
        } else {
            grouped.print(out, abbreviate, count, reverse, skipCommon);
        }
        return ExitCode.OK;
    }

    private InputStream input() {
        InputStream stdin = invocation().environment().stdin();
        if (stdin == System.in && System.console() != null) {
            throw usageError("collate reads the output of another command: nodeshell NR CMD | collate");
        }
        return stdin;
    }
}
