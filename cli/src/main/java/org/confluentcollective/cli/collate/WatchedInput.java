package org.confluentcollective.cli.collate;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * collate -w's input: lines read by a thread of their own, so that the reading side can wait for the
 * next one with a timeout, as the original's {@code select()}: the end of the input counts as arrived.
 */
final class WatchedInput {

    /** A line, or empty at the end of the input. */
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private volatile IOException failure;
    private Optional<String> next;

    WatchedInput(BufferedReader reader) {
        Thread thread = new Thread(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(Optional.of(line));
                }
            } catch (IOException e) {
                failure = e;
            } finally {
                lines.add(Optional.empty());
            }
        }, "collate-input");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next line, waiting for it; null at the end of the input. */
    String readLine() throws IOException, InterruptedException {
        Optional<String> line = next != null ? next : lines.take();
        next = null;
        if (line.isEmpty()) {
            lines.add(line);
            if (failure != null) {
                throw failure;
            }
        }
        return line.orElse(null);
    }

    /** Whether a line, or the end of the input, comes within the time. */
    boolean arrivesWithin(long nanos) throws InterruptedException {
        if (next == null) {
            next = lines.poll(nanos, TimeUnit.NANOSECONDS);
        }
        return next != null;
    }
}
