package org.confluentcollective.cli.parallel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.confluentcollective.cli.collate.NaturalOrder;
import org.confluentcollective.cli.output.Output;

/**
 * nodeshell and noderun with {@code -o json}: once every process has ended, one object
 * {@code {"n1": {"stdout": [lines], "stderr": [lines], "exitcode": 0}, "n2": {"error": "..."}}} in
 * natural order; {@code error} for a node whose command could not be evaluated or run (said on stderr too).
 */
final class CollectedOutput implements Results {

    private final Output output;
    private final Map<String, ObjectNode> byNode = new TreeMap<>(NaturalOrder.INSTANCE);
    private boolean failed;

    CollectedOutput(Output output) {
        this.output = output;
    }

    // a node's stdout and stderr are read by two threads at once: every change under the lock

    @Override
    public synchronized void stdout(String node, String line) {
        entry(node).withArray("stdout").add(line);
    }

    @Override
    public synchronized void stderr(String node, String line) {
        entry(node).withArray("stderr").add(line);
    }

    @Override
    public synchronized void finished(String node, int status) {
        entry(node).put("exitcode", status);
        failed |= status != 0;
    }

    @Override
    public synchronized void failed(String node, String reason) {
        byNode.put(node, output.mapper().createObjectNode().put("error", reason));
        failed = true;
        synchronized (output.err()) {
            output.error(node, reason);
        }
    }

    @Override
    public synchronized void notRun(Map<String, String> errors) {
        errors.forEach((node, reason) -> byNode.put(node, output.mapper().createObjectNode().put("error", reason)));
    }

    @Override
    public synchronized void end() {
        ObjectNode document = output.mapper().createObjectNode();
        byNode.forEach(document::set);
        output.printJson(document);
    }

    @Override
    public synchronized boolean anyFailed() {
        return failed;
    }

    private ObjectNode entry(String node) {
        return byNode.computeIfAbsent(node, n -> {
            ObjectNode entry = output.mapper().createObjectNode();
            entry.putArray("stdout");
            entry.putArray("stderr");
            return entry;
        });
    }
}
