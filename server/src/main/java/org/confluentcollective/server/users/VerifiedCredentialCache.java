package org.confluentcollective.server.users;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a (user, password, stored hash) triple verified, so that
 * HTTP Basic auth, which sends the password with every request, does not pay for PBKDF2 each
 * time.
 *
 * <p>Nothing reversible is kept: an entry is an HMAC-SHA256, under a random key that lives only
 * in this object, of the three values. The stored hash is part of the input, so changing a
 * password (or its salt) makes old entries unreachable without any explicit invalidation.
 * Only successes are cached; a wrong password always costs a full verification. Entries expire
 * a fixed time after the verification that created them (hits do not extend it), and the
 * oldest are dropped beyond {@code maxEntries}. Thread-safe.
 */
public final class VerifiedCredentialCache {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ENTRIES = 1024;

    private final PasswordVerifier verifier;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final SecretKeySpec macKey;
    // insertion order = expiry order, since every entry lives for the same ttl
    private final LinkedHashMap<String, Instant> entries = new LinkedHashMap<>();

    public VerifiedCredentialCache(PasswordVerifier verifier) {
        this(verifier, DEFAULT_TTL, DEFAULT_MAX_ENTRIES, Clock.systemUTC(), new SecureRandom());
    }

    public VerifiedCredentialCache(PasswordVerifier verifier, Duration ttl, int maxEntries, Clock clock,
            SecureRandom random) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl and maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * True if {@code password} matches {@code storedHash} for {@code user}: from the cache when
     * the same triple verified within the ttl, otherwise by the verifier (normally a {@link PasswordHasher}).
     */
    public boolean verify(String user, char[] password, String storedHash) {
        if (user == null || password == null || storedHash == null) {
            return false;
        }
        String tag = tag(user, password, storedHash);
        Instant now = clock.instant();
        synchronized (entries) {
            Instant expiry = entries.get(tag);
            if (expiry != null) {
                if (now.isBefore(expiry)) {
                    return true;
                }
                entries.remove(tag);
            }
        }
        // slow path outside the lock, so concurrent logins of different users do not queue
        if (!verifier.verify(password, storedHash)) {
            return false;
        }
        synchronized (entries) {
            entries.remove(tag); // re-insert at the young end
            entries.put(tag, now.plus(ttl));
            dropExpiredAndOverflow(now);
        }
        return true;
    }

    /** Forgets every entry, e.g. after a bulk change of users. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** Number of remembered entries, expired ones included until they are dropped. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void dropExpiredAndOverflow(Instant now) {
        var it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Instant> eldest = it.next();
            if (entries.size() > maxEntries || !now.isBefore(eldest.getValue())) {
                it.remove();
            } else {
                break;
            }
        }
    }

    // Each field is length-prefixed so that ("ab", "c") and ("a", "bc") give different tags.
    private String tag(String user, char[] password, String storedHash) {
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pwBytes = new byte[pw.remaining()];
        pw.get(pwBytes);
        if (pw.hasArray()) {
            Arrays.fill(pw.array(), (byte) 0);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // Mac is not thread-safe: one per call
            mac.init(macKey);
            update(mac, user.getBytes(StandardCharsets.UTF_8));
            update(mac, pwBytes);
            update(mac, storedHash.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        } finally {
            Arrays.fill(pwBytes, (byte) 0);
        }
    }

    private static void update(Mac mac, byte[] field) {
        mac.update(ByteBuffer.allocate(4).putInt(field.length).array());
        mac.update(field);
    }
}
