package org.confluentcollective.cli.transport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 digest of a certificate (DER), which identifies a member's self-signed certificate.
 * Shown as the members write it: {@code sha256:} and 64 lower-case hex digits.
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record Fingerprint(String hex) {

    public Fingerprint {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 64 hexadecimal digits");
        }
    }

    public static Fingerprint of(X509Certificate certificate) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Fingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Reads the forms administrators copy from elsewhere: hex with or without colons
     * ({@code openssl}), optionally prefixed {@code sha256:} (the members' own form), {@code sha256$}
     * (the original confluent)
     * or {@code SHA256 Fingerprint=}; or unpadded base64 prefixed {@code SHA256:} (ssh style).
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Fingerprint parse(String text) {
        String body = text.strip().replaceFirst("(?i)^sha-?256( fingerprint)?[:$=]", "");
        String hex = body.replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.matches("[0-9a-f]{64}")) {
            return new Fingerprint(hex);
        }
        try {
            byte[] digest = Base64.getDecoder().decode(body.replaceAll("=+$", ""));
            if (digest.length == 32) {
                return new Fingerprint(HexFormat.of().formatHex(digest));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint"
                + " (expected sha256: and 64 hex digits, as confluentd shows it)");
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
