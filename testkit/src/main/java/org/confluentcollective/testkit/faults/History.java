package org.confluentcollective.testkit.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that happened in a run, in completion order: the clients' operations and the
 * nemesis' faults. Also written as it happens, one JSON object a line, so that a run that dies
 * still leaves its history ({@code {"op":{...}}} or {@code {"fault":{...}}}; times in ns since the
 * run began).
 */
public final class History implements AutoCloseable {

    private final long start = System.nanoTime();
    private final List<Event> events = new ArrayList<>();
    private final List<FaultWindow> faults = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final BufferedWriter out;

    public History(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(file);
    }

    /** Now, on the history's clock. */
    public long now() {
        return System.nanoTime() - start;
    }

    public Path file() {
        return file;
    }

    public synchronized void add(Event event) {
        events.add(event);
        write("op", json.valueToTree(event));
    }

    public synchronized void add(FaultWindow fault) {
        faults.add(fault);
        write("fault", json.valueToTree(fault));
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<FaultWindow> faults() {
        return List.copyOf(faults);
    }

    private void write(String type, ObjectNode value) {
        try {
            out.write(json.createObjectNode().set(type, value).toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
