package org.confluentcollective.dhcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets a log line about one node through once per interval. Firmware retries every few seconds
 * and anyone on the segment can send packets with a known node's MAC: a line per packet would
 * fill the log. Bounded: the least recently logged keys are forgotten first.
 */
final class LogThrottle {

    private final Clock clock;
    private final Duration interval;
    private final Map<String, Instant> lastLogged;

    LogThrottle(Clock clock, Duration interval, int maxKeys) {
        this.clock = clock;
        this.interval = interval;
        this.lastLogged = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Whether a line for {@code key} may be logged now; if so, the next one waits an interval. */
    synchronized boolean allow(String key) {
        Instant now = clock.instant();
        Instant last = lastLogged.get(key);
        if (last != null && now.isBefore(last.plus(interval))) {
            return false;
        }
        lastLogged.put(key, now);
        return true;
    }
}
