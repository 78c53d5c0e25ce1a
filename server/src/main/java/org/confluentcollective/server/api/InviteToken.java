package org.confluentcollective.server.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A one-time invitation: base64 of {@code NAME@secret}, as in the original tool. The collective
 * stores only the SHA-256 of the secret (the <em>verifier</em>), and both sides of a join prove
 * knowledge of it bound to the exact pair of certificates on their TLS session (design.md §3):
 * the joiner sends {@code HMAC(verifier, inviter cert || joiner cert)}, the inviting member
 * answers with the same over the reversed order, so a man in the middle on either leg changes
 * the input and is detected by both.
 */
public final class InviteToken {

    /** How long an invitation lives unless the inviter says otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** The longest an invitation may live. */
    public static final Duration MAX_TTL = Duration.ofDays(7);

    private static final int MIN_SECRET_BYTES = 64;

    private final String name;
    private final byte[] secret;

    private InviteToken(String name, byte[] secret) {
        this.name = name;
        this.secret = secret;
    }

    /** A new token for {@code name}; the secret length makes the text free of base64 padding. */
    public static InviteToken generate(String name, SecureRandom random) {
        int length = MIN_SECRET_BYTES;
        while ((name.getBytes(StandardCharsets.UTF_8).length + 1 + length) % 3 != 0) {
            length++;
        }
        byte[] secret = new byte[length];
        random.nextBytes(secret);
        return new InviteToken(name, secret);
    }

    /**
     * Reads a token as printed by {@code collective invite}.
     *
     * @throws IllegalArgumentException "invalid token format" when it is not base64 of NAME@secret
     */
    public static InviteToken parse(String text) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid token format: not base64");
        }
        int at = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '@') {
                at = i;
                break;
            }
        }
        if (at < 1 || raw.length - at - 1 < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("invalid token format: expected NAME@secret");
        }
        String name = new String(raw, 0, at, StandardCharsets.UTF_8);
        return new InviteToken(name, Arrays.copyOfRange(raw, at + 1, raw.length));
    }

    /** The member name this token invites. */
    public String name() {
        return name;
    }

    /** The text to hand to the joining member. */
    public String text() {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[nameBytes.length + 1 + secret.length];
        System.arraycopy(nameBytes, 0, raw, 0, nameBytes.length);
        raw[nameBytes.length] = '@';
        System.arraycopy(secret, 0, raw, nameBytes.length + 1, secret.length);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** SHA-256 of the secret: what the collective stores, and the key of both proofs. */
    public byte[] verifier() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** {@code HMAC-SHA256(verifier, DER(first) || DER(second))}. */
    public static byte[] proof(byte[] verifier, X509Certificate first, X509Certificate second) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifier, "HmacSHA256"));
            mac.update(first.getEncoded());
            mac.update(second.getEncoded());
            return mac.doFinal();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Constant-time comparison of two proofs. */
    public static boolean sameProof(byte[] expected, byte[] given) {
        return given != null && MessageDigest.isEqual(expected, given);
    }

    @Override
    public String toString() {
        return "InviteToken[" + name + ", secret hidden]";
    }
}
