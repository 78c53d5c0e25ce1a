package org.confluentcollective.server.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the secrets of a dump with a passphrase: AES-256-GCM (fresh 12-byte IV per value,
 * 128-bit tag, the value's place in the dump as associated data) under a key from
 * PBKDF2-HMAC-SHA256(passphrase UTF-8, salt, iterations). The sealed form is
 * {@code base64(iv || ciphertext || tag)}. The salt and the iteration count are kept beside the
 * dump ({@code meta.json}), with a sealed check value that tells a wrong passphrase before any
 * secret is opened. Thread-safe.
 */
public final class PassphraseSeal {

    public static final String CIPHER = "AES-256-GCM";
    public static final String KDF = "PBKDF2-HMAC-SHA256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CHECK_TEXT = "confluent-collective dump";
    private static final String CHECK_CONTEXT = "passphrase-check";

    private final SecretKeySpec key;
    private final byte[] salt;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    private PassphraseSeal(byte[] key, byte[] salt, int iterations) {
        this.key = new SecretKeySpec(key, "AES");
        this.salt = salt.clone();
        this.iterations = iterations;
    }

    /** A new seal with a fresh random salt. */
    public static PassphraseSeal create(char[] passphrase, int iterations) {
        checkPassphrase(passphrase);
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PassphraseSeal(pbkdf2(utf8(passphrase), salt, iterations, 32), salt, iterations);
    }

    /** The seal of an existing dump, from its salt and iteration count. */
    public static PassphraseSeal of(char[] passphrase, byte[] salt, int iterations) {
        checkPassphrase(passphrase);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new SecretException("the dump names " + iterations + " PBKDF2 iterations; expected 1 to "
                    + MAX_ITERATIONS);
        }
        if (salt.length < 8) {
            throw new SecretException("the dump's salt is too short");
        }
        return new PassphraseSeal(pbkdf2(utf8(passphrase), salt, iterations, 32), salt, iterations);
    }

    public byte[] salt() {
        return salt.clone();
    }

    public int iterations() {
        return iterations;
    }

    /** A sealed known text, kept beside the dump: {@link #verifyCheck} tells a wrong passphrase. */
    public String check() {
        return seal(CHECK_TEXT, CHECK_CONTEXT);
    }

    /** @throws SecretException when the passphrase is not the one the dump was sealed with */
    public void verifyCheck(String check) {
        String opened;
        try {
            opened = open(check, CHECK_CONTEXT);
        } catch (SecretException e) {
            throw new SecretException("wrong passphrase: it does not open this dump");
        }
        if (!CHECK_TEXT.equals(opened)) {
            throw new SecretException("wrong passphrase: it does not open this dump");
        }
    }

    public String seal(String clearText, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + body.length);
            System.arraycopy(body, 0, out, IV_BYTES, body.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** @throws SecretException for a malformed or altered value, another context or another passphrase */
    public String open(String sealed, String context) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(Objects.requireNonNull(sealed, "sealed"));
        } catch (IllegalArgumentException e) {
            throw new SecretException("sealed value for " + context + " is not valid base64");
        }
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretException("sealed value for " + context + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretException("sealed value for " + context
                    + " does not authenticate: altered, moved, or sealed with another passphrase");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * PBKDF2-HMAC-SHA256 over raw bytes (the JDK's factory takes the password as chars, which
     * cannot carry the binary inner key of confluent's double derivation).
     */
    public static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password, "HmacSHA256")); // never empty: passphrases are checked
            byte[] out = new byte[length];
            int blocks = (length + 31) / 32;
            for (int block = 1; block <= blocks; block++) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] u = mac.doFinal();
                byte[] t = u.clone();
                for (int i = 1; i < iterations; i++) {
                    u = mac.doFinal(u);
                    for (int j = 0; j < t.length; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, (block - 1) * 32, Math.min(32, length - (block - 1) * 32));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The passphrase's UTF-8 bytes. */
    public static byte[] utf8(char[] passphrase) {
        java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }

    private static void checkPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new SecretException("the passphrase must not be empty");
        }
    }
}
