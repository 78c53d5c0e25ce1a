package org.confluentcollective.server.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secret attribute values with the collective key: AES-256-GCM, a fresh random 12-byte
 * IV per encryption, 128-bit tag. The sealed form is printable and versioned:
 * {@code aes256gcm:v1:<base64 iv>:<base64 ciphertext+tag>}.
 *
 * <p>The {@code context} (e.g. {@code node:n1:secret.hardwaremanagementpassword}) is bound as
 * GCM associated data: a sealed value copied to another node or attribute does not decrypt,
 * so someone with write access to the database cannot move a secret where it would be shown
 * or used differently. Thread-safe.
 */
public final class SecretCipher {

    /** Prefix of every value sealed by this version. */
    public static final String PREFIX = "aes256gcm:v1:";

    private static final String ALGORITHM = "aes256gcm";
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final CollectiveKey key;
    private final SecureRandom random;

    public SecretCipher(CollectiveKey key) {
        this(key, new SecureRandom());
    }

    public SecretCipher(CollectiveKey key, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Seals {@code clearText} for {@code context}; two calls with the same input give different results. */
    public String encrypt(String clearText, String context) {
        Objects.requireNonNull(clearText, "clearText");
        Objects.requireNonNull(context, "context");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return PREFIX + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens a value sealed by {@link #encrypt} with the same key and context.
     *
     * @throws SecretException if the value is malformed, of an unknown version, altered, sealed
     *     for another context, or sealed with another key
     */
    public String decrypt(String sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        String[] parts = sealed.split(":", -1);
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            throw new SecretException("not a sealed secret (expected " + PREFIX + "<iv>:<ciphertext>)");
        }
        if (!VERSION.equals(parts[1])) {
            throw new SecretException("unsupported sealed secret version: " + abbreviate(parts[1]));
        }
        byte[] iv;
        byte[] body;
        try {
            iv = Base64.getDecoder().decode(parts[2]);
            body = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new SecretException("sealed secret is not valid base64", e);
        }
        if (iv.length != IV_BYTES) {
            throw new SecretException("sealed secret has a " + iv.length + "-byte IV; expected " + IV_BYTES);
        }
        if (body.length < TAG_BITS / 8) {
            throw new SecretException("sealed secret is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(body), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretException("sealed secret does not authenticate for " + context
                    + ": altered, sealed for another node or attribute, or with another collective key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** True if {@code value} looks like a value sealed by this class (any version). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(ALGORITHM + ":");
    }

    private static String abbreviate(String s) {
        return s.length() <= 16 ? s : s.substring(0, 16) + "...";
    }
}
