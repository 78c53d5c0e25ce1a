package org.confluentcollective.server.quorum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.state.ConnectionState;
import org.confluentcollective.server.api.RequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lock-down lease, on a clock the test moves: no sleeps, no timing luck. */
class QuorumWatchTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LinkedBlockingDeque<CompletableFuture<Void>> probes = new LinkedBlockingDeque<>();
    private final AtomicBoolean caughtUp = new AtomicBoolean(true);
    private final QuorumWatch watch = new QuorumWatch(true, this::probe, caughtUp::get, now::get);

    @AfterEach
    void close() {
        watch.close();
    }

    @Test
    void connectedIsNotEnoughAQuorumMustAnswer() throws Exception {
        assertFalse(watch.hasQuorum());
        watch.tick();
        assertFalse(watch.hasQuorum(), "a probe still out proves nothing");
        nextProbe().complete(null);
        assertTrue(watch.hasQuorum());
    }

    @Test
    void theLeaseRunsOutWithoutAnswers() throws Exception {
        watch.tick();
        nextProbe().complete(null);
        advance(QuorumWatch.LEASE.toMillis() - 1);
        assertTrue(watch.hasQuorum());
        watch.tick(); // an isolated peer never answers this one
        advance(2);
        assertFalse(watch.hasQuorum());
        RequestException refused = assertThrows(RequestException.class, watch::requireQuorum);
        assertEquals(QuorumWatch.NO_QUORUM, refused.getMessage());
    }

    @Test
    void theLeaseIsMeasuredFromWhenTheProbeWasSent() throws Exception {
        watch.tick();
        advance(2000);
        nextProbe().complete(null);
        advance(600);
        assertFalse(watch.hasQuorum(), "answered late: the quorum was only proven as of the sending");
    }

    @Test
    void aDisconnectionEndsTheLeaseAtOnce() throws Exception {
        watch.tick();
        nextProbe().complete(null);
        watch.stateChanged(null, ConnectionState.SUSPENDED);
        assertFalse(watch.hasQuorum());
    }

    @Test
    void anAnswerToAProbeSentBeforeADisconnectionDoesNotUnlockAfterIt() throws Exception {
        watch.tick();
        CompletableFuture<Void> beforeCut = nextProbe();
        watch.stateChanged(null, ConnectionState.SUSPENDED);
        watch.stateChanged(null, ConnectionState.RECONNECTED); // its own isolated peer, say
        beforeCut.complete(null);
        assertFalse(watch.hasQuorum());
        // Only a probe sent on the new connection counts (the reconnection sends one at once,
        // from the watch's own thread, which may still be registering for its answer).
        watch.tick();
        CompletableFuture<Void> afterReconnect = nextProbe();
        assertFalse(watch.hasQuorum());
        afterReconnect.complete(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!watch.hasQuorum() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(watch.hasQuorum());
    }

    @Test
    void aCopyThatHasNotCaughtUpKeepsTheMemberLocked() throws Exception {
        watch.tick();
        nextProbe().complete(null);
        caughtUp.set(false);
        assertFalse(watch.hasQuorum());
        caughtUp.set(true);
        assertTrue(watch.hasQuorum());
    }

    private CompletableFuture<Void> probe() {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        probes.add(answer);
        return answer;
    }

    private CompletableFuture<Void> nextProbe() throws InterruptedException {
        CompletableFuture<Void> probe = probes.poll(5, TimeUnit.SECONDS);
        if (probe == null) {
            throw new AssertionError("no probe was sent");
        }
        return probe;
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
