package org.confluentcollective.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedCredentialCacheTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);
    private final AtomicInteger slowCalls = new AtomicInteger();
    private final PasswordVerifier counting = (pw, stored) -> {
        slowCalls.incrementAndGet();
        return hasher.verify(pw, stored);
    };
    private final MutableClock clock = new MutableClock();
    private final VerifiedCredentialCache cache =
            new VerifiedCredentialCache(counting, Duration.ofSeconds(60), 3, clock, new SecureRandom());

    @Test
    void repeatedGoodCredentialsSkipTheSlowVerification() {
        String stored = hasher.hash("pw".toCharArray());
        assertTrue(cache.verify("alice", "pw".toCharArray(), stored));
        assertTrue(cache.verify("alice", "pw".toCharArray(), stored));
        assertTrue(cache.verify("alice", "pw".toCharArray(), stored));
        assertEquals(1, slowCalls.get());
    }

    @Test
    void wrongPasswordsAreNeverCached() {
        String stored = hasher.hash("pw".toCharArray());
        assertTrue(cache.verify("alice", "pw".toCharArray(), stored));
        assertFalse(cache.verify("alice", "nope".toCharArray(), stored));
        assertFalse(cache.verify("alice", "nope".toCharArray(), stored));
        assertEquals(3, slowCalls.get());
    }

    @Test
    void changedStoredHashInvalidates() {
        String old = hasher.hash("pw".toCharArray());
        assertTrue(cache.verify("alice", "pw".toCharArray(), old));
        String changed = hasher.hash("new".toCharArray());
        assertFalse(cache.verify("alice", "pw".toCharArray(), changed));
        assertTrue(cache.verify("alice", "new".toCharArray(), changed));
        assertEquals(3, slowCalls.get());
    }

    @Test
    void otherUserWithSameHashIsNotAHit() {
        String stored = hasher.hash("pw".toCharArray());
        assertTrue(cache.verify("alice", "pw".toCharArray(), stored));
        assertTrue(cache.verify("bob", "pw".toCharArray(), stored));
        assertEquals(2, slowCalls.get());
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        PasswordVerifier onlyC = (pw, stored) -> new String(pw).equals("c");
        VerifiedCredentialCache c = new VerifiedCredentialCache(onlyC, Duration.ofSeconds(60), 10, clock,
                new SecureRandom());
        assertTrue(c.verify("ab", "c".toCharArray(), "h"));
        assertFalse(c.verify("a", "bc".toCharArray(), "h"));
    }

    @Test
    void entriesExpire() {
        String stored = hasher.hash("pw".toCharArray());
        assertTrue(cache.verify("alice", "pw".toCharArray(), stored));
        clock.advance(Duration.ofSeconds(59));
        assertTrue(cache.verify("alice", "pw".toCharArray(), stored));
        assertEquals(1, slowCalls.get());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.verify("alice", "pw".toCharArray(), stored));
        assertEquals(2, slowCalls.get(), "a hit does not extend the lifetime");
    }

    @Test
    void sizeIsBoundedAndOldestGoesFirst() {
        String stored = hasher.hash("pw".toCharArray());
        for (String user : List.of("u1", "u2", "u3", "u4")) {
            assertTrue(cache.verify(user, "pw".toCharArray(), stored));
        }
        assertEquals(3, cache.size());
        assertTrue(cache.verify("u4", "pw".toCharArray(), stored));
        assertEquals(4, slowCalls.get(), "u4 still cached");
        assertTrue(cache.verify("u1", "pw".toCharArray(), stored));
        assertEquals(5, slowCalls.get(), "u1 was evicted");
        cache.clear();
        assertEquals(0, cache.size());
    }

    @Test
    void nullsAreFalse() {
        assertFalse(cache.verify(null, "pw".toCharArray(), "x"));
        assertFalse(cache.verify("a", null, "x"));
        assertFalse(cache.verify("a", "pw".toCharArray(), null));
    }

    @Test
    void concurrentUseIsSafe() throws Exception {
        String stored = hasher.hash("pw".toCharArray());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    boolean all = true;
                    for (int i = 0; i < 50; i++) {
                        all &= cache.verify("u" + (i % 5), "pw".toCharArray(), stored);
                        all &= !cache.verify("u" + (i % 5), "bad".toCharArray(), stored);
                    }
                    return all;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(cache.size() <= 3);
    }

    private static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
