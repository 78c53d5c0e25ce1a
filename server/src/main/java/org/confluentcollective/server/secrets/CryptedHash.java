package org.confluentcollective.server.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.commons.codec.digest.Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * One-way hashes stored for {@code crypted.*} attributes, as the original confluent stores
 * them: a SHA-512 crypt string (what {@code /etc/shadow} and kickstart/autoyast accept) and a
 * GRUB PBKDF2 string (what {@code password_pbkdf2} in grub.cfg accepts). The clear text is
 * discarded by the caller once hashed. Thread-safe.
 */
public final class CryptedHash {

    /** Both forms of one clear value, as stored in a {@code crypted.*} attribute. */
    public record HashedValue(String hashValue, String grubHashValue) {
        public HashedValue {
            Objects.requireNonNull(hashValue, "hashValue");
            Objects.requireNonNull(grubHashValue, "grubHashValue");
        }
    }

    /** Salt alphabet of crypt(3). */
    private static final char[] CRYPT_SALT_CHARS =
            "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int CRYPT_SALT_LENGTH = 16;
    // grub-mkpasswd-pbkdf2 defaults
    static final int GRUB_ITERATIONS = 10_000;
    static final int GRUB_SALT_BYTES = 64;
    static final int GRUB_HASH_BYTES = 64;

    private final SecureRandom random;

    public CryptedHash() {
        this(new SecureRandom());
    }

    public CryptedHash(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Both hashes of {@code clear}, each with its own random salt. */
    public HashedValue hash(String clear) {
        return new HashedValue(sha512Crypt(clear), grubPbkdf2(clear));
    }

    /** {@code $6$<16-char salt>$<hash>}, 5000 rounds (the crypt(3) default, as the original). */
    public String sha512Crypt(String clear) {
        Objects.requireNonNull(clear, "clear");
        char[] salt = new char[CRYPT_SALT_LENGTH];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = CRYPT_SALT_CHARS[random.nextInt(CRYPT_SALT_CHARS.length)];
        }
        return Sha2Crypt.sha512Crypt(clear.getBytes(StandardCharsets.UTF_8), "$6$" + new String(salt));
    }

    /**
     * True if {@code hash} is a SHA-512 crypt string ({@code $6$...}) of {@code clear}. Other
     * crypt schemes are refused rather than checked: Crypt would fall back to weak DES for them.
     */
    public boolean verifySha512Crypt(String clear, String hash) {
        if (clear == null || hash == null || !hash.startsWith("$6$")) {
            return false;
        }
        try {
            String computed = Crypt.crypt(clear.getBytes(StandardCharsets.UTF_8), hash);
            return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                    hash.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false; // malformed salt or rounds
        }
    }

    /**
     * {@code grub.pbkdf2.sha512.10000.<SALT>.<HASH>} exactly as grub-mkpasswd-pbkdf2 prints it:
     * PBKDF2-HMAC-SHA512, 64-byte random salt, 64-byte hash, uppercase hex.
     */
    public String grubPbkdf2(String clear) {
        Objects.requireNonNull(clear, "clear");
        byte[] salt = new byte[GRUB_SALT_BYTES];
        random.nextBytes(salt);
        return grubPbkdf2(clear, salt, GRUB_ITERATIONS);
    }

    // Visible for known-answer tests with a fixed salt.
    static String grubPbkdf2(String clear, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(clear.toCharArray(), salt, iterations, GRUB_HASH_BYTES * 8);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            HexFormat hex = HexFormat.of().withUpperCase();
            return "grub.pbkdf2.sha512." + iterations + "." + hex.formatHex(salt) + "." + hex.formatHex(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
