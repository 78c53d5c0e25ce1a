package org.confluentcollective.dhcp;

import java.util.concurrent.atomic.LongAdder;

/** What the responder did with the datagrams it received (for tests, benchmarks and, later, monitoring). */
public final class DhcpMetrics {

    /** The counters at one moment. */
    public record Snapshot(long received, long answered, long ignored, long malformed, long discovered,
                           long dropped, long relayed) {
    }

    private final LongAdder received = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder discovered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder relayed = new LongAdder();

    void received() {
        received.increment();
    }

    /** A reply was sent (one per packet, even when it went out on several interfaces). */
    void answered() {
        answered.increment();
    }

    /** Well-formed, but not ours to answer (not PXE, not served here, no pending profile...). */
    void ignored() {
        ignored.increment();
    }

    void malformed() {
        malformed.increment();
    }

    /** An unknown PXE client was recorded or seen again. */
    void discovered() {
        discovered.increment();
    }

    /** The worker queue was full: the client retries. */
    void dropped() {
        dropped.increment();
    }

    /** Of the answered, those that came through a relay agent (giaddr set). */
    void relayed() {
        relayed.increment();
    }

    public Snapshot snapshot() {
        return new Snapshot(received.sum(), answered.sum(), ignored.sum(), malformed.sum(), discovered.sum(),
                dropped.sum(), relayed.sum());
    }
}
