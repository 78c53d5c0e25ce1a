package org.confluentcollective.server.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that encrypts {@code secret.*} attributes at rest. Every member of a
 * collective holds the same key: the founding member creates it, joiners receive it inside the
 * mutual-TLS join ({@link #of(byte[])}). Immutable; copies its bytes in and out so callers
 * cannot change it.
 */
public final class CollectiveKey {

    /** File name of the key inside the member's state directory. */
    public static final String FILE_NAME = "collective.key";
    /** Key length in bytes (AES-256). */
    public static final int LENGTH = 32;

    private final byte[] key;

    private CollectiveKey(byte[] key) {
        this.key = key;
    }

    /** A key received from elsewhere, e.g. from the member that invited this one. */
    public static CollectiveKey of(byte[] keyBytes) {
        if (keyBytes == null || keyBytes.length != LENGTH) {
            throw new IllegalArgumentException("a collective key has " + LENGTH + " bytes, got "
                    + (keyBytes == null ? "none" : keyBytes.length));
        }
        return new CollectiveKey(keyBytes.clone());
    }

    /** A new random key. */
    public static CollectiveKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new CollectiveKey(bytes);
    }

    /**
     * Loads {@code stateDir/collective.key}, or creates it with a new random key if absent (the
     * directory is created 0700 if missing, the file 0600 from the start). The file holds the
     * key base64-encoded on one line; 32 raw bytes are accepted too.
     *
     * @throws IllegalStateException if the file has the wrong size or content, or is accessible
     *     by group or others
     */
    public static CollectiveKey loadOrCreate(Path stateDir) {
        PrivateFiles.createDirectory(stateDir);
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            CollectiveKey created = generate(new SecureRandom());
            byte[] text = (Base64.getEncoder().encodeToString(created.key) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            if (PrivateFiles.writeNew(file, text)) {
                return created;
            }
            // another process created it first: use theirs, which may already protect data
        }
        return parse(file, PrivateFiles.readPrivate(file));
    }

    /**
     * Installs a key received from the collective during a join, replacing this member's own:
     * whatever the old key sealed is unreadable afterwards, as the joiner's database is discarded.
     */
    public static CollectiveKey replace(Path stateDir, byte[] keyBytes) {
        CollectiveKey key = of(keyBytes);
        PrivateFiles.replace(stateDir.resolve(FILE_NAME),
                (Base64.getEncoder().encodeToString(key.key) + "\n").getBytes(StandardCharsets.US_ASCII));
        return key;
    }

    /** A copy of the raw key, to hand to a joining member inside the mutual-TLS join. */
    public byte[] exportBytes() {
        return key.clone();
    }

    /** The key for the JCA; package-private so that only this package's ciphers use it. */
    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    private static CollectiveKey parse(Path file, byte[] content) {
        if (content.length == LENGTH) {
            return new CollectiveKey(content);
        }
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is neither " + LENGTH + " raw bytes nor base64 text", e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
        if (decoded.length != LENGTH) {
            throw new IllegalStateException(file + " holds a key of " + decoded.length
                    + " bytes; a collective key has " + LENGTH);
        }
        return new CollectiveKey(decoded);
    }

    @Override
    public boolean equals(Object o) {
        // constant time, like any comparison of key material
        return o instanceof CollectiveKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return CollectiveKey.class.hashCode();
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "CollectiveKey[AES-256, redacted]";
    }
}
