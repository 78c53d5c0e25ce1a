package org.confluentcollective.server.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parts started one after another and closed in reverse order. A part is started by a function
 * rather than added as an object, because each part is built from what the parts before it
 * became once started (the store needs the peer's client port, the services the store). A part
 * that fails to start closes every part started before it, so a caller holds either a fully
 * started container or nothing.
 */
public final class Lifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /** Builds and starts one part; what it returns is closed with the container. */
    @FunctionalInterface
    public interface Starter<T extends AutoCloseable> {
        T start() throws Exception;
    }

    /** The parts started so far, the last started on top. */
    private final Deque<Named> started = new ArrayDeque<>();
    private boolean closed;

    private record Named(String name, AutoCloseable part) {
    }

    /**
     * Starts the part {@code name} after those already started.
     *
     * @throws Exception what starting it threw, after every part started before it was closed
     */
    public synchronized <T extends AutoCloseable> T start(String name, Starter<T> starter) throws Exception {
        if (closed) {
            throw new IllegalStateException("closed: cannot start " + name);
        }
        T part;
        try {
            part = starter.start();
        } catch (Exception | Error e) {
            closeStarted(e);
            throw e;
        }
        started.push(new Named(name, part));
        LOG.debug("started {}", name);
        return part;
    }

    /**
     * Closes every part, the last started first; a part failing to close does not keep the
     * others open. Later calls do nothing.
     *
     * @throws Exception carrying each part's failure to close as suppressed
     */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        Exception failure = new Exception("not every part closed cleanly");
        closeStarted(failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private void closeStarted(Throwable failure) {
        closed = true;
        while (!started.isEmpty()) {
            Named named = started.pop();
            try {
                named.part().close();
                LOG.debug("closed {}", named.name());
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
