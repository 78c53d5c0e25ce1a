package org.confluentcollective.cli.parallel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.confluentcollective.cli.output.Output;

/**
 * Prints the processes' output as the original nodeshell and noderun do: each line prefixed with
 * {@code node: }, standard output to stdout and standard error to stderr. A node whose process
 * exits non-zero gets a line {@code node: [exit code N]} on stderr (the original says nothing).
 */
final class PrefixedLines implements Results {

    private final Output output;
    private final boolean prefix;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    PrefixedLines(Output output, boolean prefix) {
        this.output = output;
        this.prefix = prefix;
    }

    @Override
    public void stdout(String node, String line) {
        synchronized (output.out()) {
            output.out().println(prefixed(node, line));
        }
    }

    @Override
    public void stderr(String node, String line) {
        synchronized (output.err()) {
            output.err().println(prefixed(node, line));
        }
    }

    @Override
    public void finished(String node, int status) {
        if (status != 0) {
            failed.add(node);
            stderr(node, "[exit code " + status + "]");
        }
    }

    @Override
    public void failed(String node, String reason) {
        failed.add(node);
        synchronized (output.err()) {
            output.error(node, reason);
        }
    }

    private String prefixed(String node, String line) {
        return prefix ? node + ": " + line : line;
    }

    @Override
    public boolean anyFailed() {
        return !failed.isEmpty();
    }
}
