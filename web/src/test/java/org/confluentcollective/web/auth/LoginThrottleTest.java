package org.confluentcollective.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(3, 10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(15), 100),
            now::get);

    void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void delaysBeginAfterTheAllowanceAndDoubleUpToTheCap() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"));
        }
        long[] expected = {1, 2, 4, 8, 8};
        for (long seconds : expected) {
            throttle.failed("alice", "10.0.0.1");
            assertEquals(Optional.of(Duration.ofSeconds(seconds)), throttle.waitBefore("alice", "10.0.0.1"));
            assertEquals(Optional.of(Duration.ofSeconds(seconds)), throttle.waitBefore("alice", "10.9.9.9"));
            advance(Duration.ofSeconds(seconds));
            assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"));
        }
    }

    @Test
    void otherUsersAreNotHeldBackByOneUsersFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertTrue(throttle.waitBefore("alice", "10.0.0.1").isPresent());
        assertEquals(Optional.empty(), throttle.waitBefore("bob", "10.0.0.1"));
    }

    @Test
    void aSuccessEndsTheBurst() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        advance(Duration.ofSeconds(1));
        throttle.succeeded("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"));
    }

    @Test
    void guessingOverManyNamesThrottlesTheAddressButNotUsersWhoLoggedInThere() {
        throttle.succeeded("bob", "10.0.0.1");
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertTrue(throttle.waitBefore("user99", "10.0.0.1").isPresent());
        assertEquals(Optional.empty(), throttle.waitBefore("user99", "10.0.0.2"));
        assertEquals(Optional.empty(), throttle.waitBefore("bob", "10.0.0.1"));
    }

    @Test
    void burstsAreForgottenAndMemoryIsBounded() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        advance(Duration.ofMinutes(16));
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"));
        for (int i = 0; i < 1000; i++) {
            throttle.failed("name" + i, "10.1." + (i / 250) + "." + (i % 250));
            throttle.succeeded("ok" + i, "10.2.0.1");
        }
        // The newest burst is remembered, whatever else had to go.
        throttle.failed("name999", "10.9.9.9");
        throttle.failed("name999", "10.9.9.9");
        assertTrue(throttle.waitBefore("name999", "10.9.9.9").isPresent());
    }
}
