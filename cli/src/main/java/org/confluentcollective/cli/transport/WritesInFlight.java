package org.confluentcollective.cli.transport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many changes (PUT, POST, DELETE) this process has sent whose answers have not all been read:
 * what an interruption must own up to (ConfluentCtl's Ctrl-C handling). Counts for the whole process.
 */
public final class WritesInFlight {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private WritesInFlight() {
    }

    /** True while a change may have reached confluentd without its outcome being known here. */
    public static boolean any() {
        return COUNT.get() > 0;
    }

    static void begin() {
        COUNT.incrementAndGet();
    }

    static void end() {
        COUNT.decrementAndGet();
    }
}
