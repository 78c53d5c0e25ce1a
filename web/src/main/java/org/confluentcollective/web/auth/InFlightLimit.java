package org.confluentcollective.web.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many requests in progress per key (a user name). A key without requests in
 * progress holds no entry, so the map is bounded by the requests in progress.
 */
final class InFlightLimit {

    private final int perKey;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    InFlightLimit(int perKey) {
        if (perKey < 1) {
            throw new IllegalArgumentException("perKey must be at least 1");
        }
        this.perKey = perKey;
    }

    int perKey() {
        return perKey;
    }

    /** Counts one more request for {@code key}, unless it already has {@link #perKey()}. */
    boolean tryAcquire(String key) {
        boolean[] acquired = {false};
        inFlight.compute(key, (k, held) -> {
            int now = held == null ? 0 : held;
            if (now >= perKey) {
                return held;
            }
            acquired[0] = true;
            return now + 1;
        });
        return acquired[0];
    }

    /** Ends one request of {@code key} that {@link #tryAcquire} counted. */
    void release(String key) {
        inFlight.compute(key, (k, held) -> held == null || held <= 1 ? null : held - 1);
    }
}
