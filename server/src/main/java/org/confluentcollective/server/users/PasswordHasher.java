package org.confluentcollective.server.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, deliberately slow hashes of API user passwords: PBKDF2-HMAC-SHA256 with a 16-byte
 * random salt and a 32-byte result, stored as
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}. The iteration count is part
 * of the stored form, so raising the default later still verifies old hashes
 * ({@link #needsRehash} tells when to upgrade one). Thread-safe.
 */
public final class PasswordHasher implements PasswordVerifier {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    // A stored hash claiming more rounds than this is treated as corrupt, not as a reason to
    // spend minutes of CPU on one login attempt.
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    public PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new stored form for {@code password}, with a fresh salt. The array is not modified. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    /**
     * True if {@code password} matches {@code stored}; the comparison is constant time. A null,
     * malformed or foreign stored value gives false.
     */
    @Override
    public boolean verify(char[] password, String stored) {
        if (password == null) {
            return false;
        }
        Parsed parsed = Parsed.of(stored);
        if (parsed == null) {
            return false;
        }
        byte[] derived = derive(password, parsed.salt, parsed.iterations, parsed.hash.length);
        return MessageDigest.isEqual(derived, parsed.hash);
    }

    /**
     * Spends the same time as verifying against a hash made by this hasher, and returns false.
     * For a login with an unknown user name, so the response time does not reveal that the
     * name does not exist.
     */
    public boolean verifyUnknownUser(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        derive(password == null ? new char[0] : password, salt, iterations, HASH_BYTES);
        return false;
    }

    /** True if {@code stored} is malformed or weaker than what this hasher would produce now. */
    public boolean needsRehash(String stored) {
        Parsed parsed = Parsed.of(stored);
        return parsed == null || parsed.iterations < iterations;
    }

    public int iterations() {
        return iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword(); // PBEKeySpec holds its own copy
        }
    }

    // Never compared or printed, so the record's array-identity equals does not matter.
    private record Parsed(int iterations, byte[] salt, byte[] hash) {
        static Parsed of(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split("\\$", -1);
            if (parts.length != 4 || !SCHEME.equals(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0
                        || hash.length < 16 || hash.length > 64) {
                    return null;
                }
                return new Parsed(iterations, salt, hash);
            } catch (IllegalArgumentException e) { // NumberFormatException is one
                return null;
            }
        }
    }
}
