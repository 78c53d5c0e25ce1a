package org.confluentcollective.web.auth;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing without holding a thread: after a few failed logins for a user name,
 * or many from one source address, further attempts are refused at once (429 with Retry-After)
 * for a delay that doubles with each further failure up to a cap; the password is not even
 * checked meanwhile. Refused attempts do not count, so a flood on one user does not reach the
 * address's allowance; the address throttle catches guessing over many user names, and spares
 * users who logged in from that address recently. A success ends the user's burst.
 */
public final class LoginThrottle {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.confluentcollective.audit.login");
    /** Longer user names (none exists) are remembered by their start: 10,000 of them stay small. */
    private static final int KEY_CHARS = 128;

    /**
     * @param userAllowance    failures for one user name before the delays begin
     * @param addressAllowance failures from one address (any user names) before the delays begin
     * @param firstDelay       the first delay, doubled by each further failure
     * @param maxDelay         the longest delay
     * @param forgetAfter      a burst is forgotten this long after its last failure
     * @param maxEntries       user names, addresses and recent logins remembered, each (bounded memory)
     */
    public record Policy(int userAllowance, int addressAllowance, Duration firstDelay, Duration maxDelay,
                         Duration forgetAfter, int maxEntries) {

        public static final Policy DEFAULT = new Policy(5, 30, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMinutes(15), 10_000);
    }

    private final Policy policy;
    private final LongSupplier nanoTime;
    private final Map<String, Burst> users = new HashMap<>();
    private final Map<String, Burst> addresses = new HashMap<>();
    /** "user@address" of recent successful logins, to the time of the login. */
    private final Map<String, Long> recentLogins = new HashMap<>();

    public LoginThrottle(Policy policy) {
        this(policy, System::nanoTime);
    }

    LoginThrottle(Policy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.nanoTime = nanoTime;
    }

    /** How long {@code user} must wait before trying from {@code address}; empty if it may try now. */
    public synchronized Optional<Duration> waitBefore(String name, String address) {
        String user = key(name);
        long now = nanoTime.getAsLong();
        long until = blockedUntil(users, user, now);
        if (!recentlyLoggedIn(user, address, now)) {
            until = Math.max(until, blockedUntil(addresses, address, now));
        }
        return until > now ? Optional.of(Duration.ofNanos(until - now)) : Optional.empty();
    }

    public synchronized void failed(String name, String address) {
        String user = key(name);
        long now = nanoTime.getAsLong();
        Burst forUser = fail(users, user, policy.userAllowance(), now);
        Burst forAddress = fail(addresses, address, policy.addressAllowance(), now);
        if (forUser.failures == policy.userAllowance() || forAddress.failures == policy.addressAllowance()) {
            // Once per burst: when the delays begin.
            AUDIT.warn("audit: {} failed logins for user '{}', {} from address {}; further attempts are delayed",
                    forUser.failures, user, forAddress.failures, address);
        }
    }

    public synchronized void succeeded(String name, String address) {
        String user = key(name);
        long now = nanoTime.getAsLong();
        Burst burst = users.remove(user);
        if (burst != null && burst.failures >= policy.userAllowance()) {
            AUDIT.warn("audit: user '{}' logged in from {} after {} failed logins", user, address, burst.failures);
        }
        makeRoom(recentLogins, now);
        recentLogins.put(user + "@" + address, now);
    }

    /** The user name as remembered and logged: bounded, without control characters (no forged log lines). */
    private static String key(String name) {
        String bounded = name.length() > KEY_CHARS ? name.substring(0, KEY_CHARS) : name;
        return bounded.replaceAll("\\p{Cntrl}", "?");
    }

    private boolean recentlyLoggedIn(String user, String address, long now) {
        Long at = recentLogins.get(user + "@" + address);
        return at != null && now - at < policy.forgetAfter().toNanos();
    }

    private long blockedUntil(Map<String, Burst> bursts, String key, long now) {
        Burst burst = bursts.get(key);
        if (burst != null && now - burst.lastFailure > policy.forgetAfter().toNanos()) {
            bursts.remove(key);
            return now;
        }
        return burst == null ? now : Math.max(now, burst.blockedUntil);
    }

    private Burst fail(Map<String, Burst> bursts, String key, int allowance, long now) {
        blockedUntil(bursts, key, now); // forgets a stale burst
        Burst burst = bursts.get(key);
        if (burst == null) {
            makeRoom(bursts, now);
            burst = new Burst();
            bursts.put(key, burst);
        }
        burst.failures++;
        burst.lastFailure = now;
        int beyond = burst.failures - allowance;
        if (beyond >= 0) {
            long delay = policy.firstDelay().toNanos() << Math.min(beyond, 20);
            burst.blockedUntil = now + Math.min(delay, policy.maxDelay().toNanos());
        }
        return burst;
    }

    /** Keeps a map within maxEntries: forgets what is stale first, then the oldest. */
    private <V> void makeRoom(Map<String, V> map, long now) {
        if (map.size() < policy.maxEntries()) {
            return;
        }
        map.values().removeIf(v -> now - lastSeen(v) > policy.forgetAfter().toNanos());
        if (map.size() >= policy.maxEntries()) {
            map.entrySet().stream().min(Comparator.comparingLong(e -> lastSeen(e.getValue())))
                    .map(Map.Entry::getKey).ifPresent(map::remove);
        }
    }

    private static long lastSeen(Object value) {
        return value instanceof Burst burst ? burst.lastFailure : (Long) value;
    }

    /** One key's failures since its last success (or since they were forgotten). */
    private static final class Burst {
        int failures;
        long lastFailure;
        long blockedUntil = Long.MIN_VALUE;
    }
}
