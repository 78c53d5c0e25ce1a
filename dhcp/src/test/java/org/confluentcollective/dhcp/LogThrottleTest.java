package org.confluentcollective.dhcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private Instant now = Instant.parse("2026-11-30T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aKeyIsLetThroughOncePerIntervalAndTheOldestKeysAreForgotten() {
        LogThrottle throttle = new LogThrottle(clock, Duration.ofMinutes(1), 2);
        assertTrue(throttle.allow("n1"));
        assertFalse(throttle.allow("n1"), "again within the interval");
        assertTrue(throttle.allow("n2"), "another key");
        now = now.plusSeconds(59);
        assertFalse(throttle.allow("n1"));
        now = now.plusSeconds(1);
        assertTrue(throttle.allow("n1"), "after the interval");
        assertTrue(throttle.allow("n3"), "a third key pushes out the least recently seen (n2)");
        assertFalse(throttle.allow("n1"), "n1 was kept");
        assertTrue(throttle.allow("n2"), "n2 was forgotten");
    }
}
