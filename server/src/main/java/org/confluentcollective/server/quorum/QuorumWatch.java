package org.confluentcollective.server.quorum;

import org.confluentcollective.server.api.QuorumStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.confluentcollective.server.api.RequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lock-down: whether this member reaches a quorum now. A connected ZooKeeper client is not
 * proof of that (a peer cut off from the others keeps its clients for a while, and a client
 * can reconnect to its own isolated peer), so the member holds a <em>lease</em>: a probe that
 * only a quorum can answer (a write) runs every {@link #PROBE_INTERVAL}, and each answer
 * extends the lease to {@link #LEASE} after the probe was sent. The member is unlocked while
 * its client is connected, the lease runs and its copy of the database has caught up; a
 * disconnection ends the lease at once.
 */
public final class QuorumWatch implements QuorumStatus, ConnectionStateListener, AutoCloseable {

    /** The message every refused change carries (design.md §2). */
    public static final String NO_QUORUM = "no quorum";
    static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    static final Duration LEASE = Duration.ofMillis(2500);

    private static final Logger LOG = LoggerFactory.getLogger(QuorumWatch.class);

    private final Supplier<CompletableFuture<Void>> probe;
    private final BooleanSupplier caughtUp;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    // Guarded by lock.
    private boolean connected;
    /** Bumped on every disconnection: a probe sent before it proves nothing after it. */
    private long connection;
    private boolean probing;
    private long leaseEndsNanos;
    private boolean reported;

    /**
     * @param connected whether the client is connected now
     * @param probe     a round trip only a quorum can answer
     * @param caughtUp  whether the member's copy of the database is current
     */
    public QuorumWatch(boolean connected, Supplier<CompletableFuture<Void>> probe, BooleanSupplier caughtUp) {
        this(connected, probe, caughtUp, System::nanoTime);
    }

    /** @param nanoClock the monotonic clock the lease is measured on ({@link System#nanoTime}) */
    QuorumWatch(boolean connected, Supplier<CompletableFuture<Void>> probe, BooleanSupplier caughtUp,
                LongSupplier nanoClock) {
        this.connected = connected;
        this.probe = probe;
        this.caughtUp = caughtUp;
        this.nanoClock = nanoClock;
        this.leaseEndsNanos = nanoClock.getAsLong();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "quorum-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts probing; returns once a first probe answered or {@code wait} passed. */
    public void start(Duration wait) throws InterruptedException {
        timer.scheduleWithFixedDelay(this::tick, 0, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!hasQuorum() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public boolean hasQuorum() {
        synchronized (lock) {
            if (!connected || nanoClock.getAsLong() - leaseEndsNanos >= 0) {
                return false;
            }
        }
        return caughtUp.getAsBoolean();
    }

    /** @throws RequestException UNAVAILABLE {@code no quorum} while locked down */
    public void requireQuorum() {
        if (!hasQuorum()) {
            throw noQuorum();
        }
    }

    public static RequestException noQuorum() {
        return new RequestException(RequestException.Kind.UNAVAILABLE, NO_QUORUM);
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState state) {
        boolean now = state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED;
        synchronized (lock) {
            if (!now) {
                connection++;
                leaseEndsNanos = nanoClock.getAsLong();
            }
            connected = now;
        }
        if (now) {
            timer.execute(this::tick);
        } else {
            report(state.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One probe, unless one is still out or the client is disconnected (the timer's job). */
    void tick() {
        long sentIn;
        synchronized (lock) {
            if (!connected || probing) {
                report(null);
                return;
            }
            probing = true;
            sentIn = connection;
        }
        long sent = nanoClock.getAsLong();
        CompletableFuture<Void> answer;
        try {
            answer = probe.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((ok, error) -> {
            synchronized (lock) {
                probing = false;
                if (error == null && connected && connection == sentIn) {
                    leaseEndsNanos = Math.max(leaseEndsNanos, sent + LEASE.toNanos());
                }
            }
            report(null);
        });
    }

    /** Logs each change between locked and unlocked once. */
    private void report(String reason) {
        boolean now = hasQuorum();
        synchronized (lock) {
            if (now == reported) {
                return;
            }
            reported = now;
        }
        if (now) {
            LOG.warn("quorum confirmed: changes are accepted again");
        } else {
            LOG.warn("quorum lost ({}): locked down, changes are refused and reads are stale",
                    reason != null ? reason : "no quorum answer within " + LEASE.toMillis() + " ms or catching up");
        }
    }
}
