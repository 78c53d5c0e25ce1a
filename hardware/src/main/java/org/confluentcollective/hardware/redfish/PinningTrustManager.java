package org.confluentcollective.hardware.redfish;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts one BMC's certificate by its fingerprint, for one connection: the pinned one, or when
 * nothing is pinned, the first one presented (a BMC that changes certificate between two requests
 * of one connection is refused as well). Host names are not checked: BMC certificates are
 * self-signed, the pin is the identity. Remembers what was presented, for messages and pinning.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private volatile Optional<String> expected;
    private volatile X509Certificate presented;
    private volatile boolean refused;

    /** @param pinned a validated fingerprint (see {@link #validPin}) or empty */
    PinningTrustManager(Optional<String> pinned) {
        this.expected = pinned;
    }

    /** Whether {@code pin} is a fingerprint this class can check: {@code sha512$<hex>} or {@code sha256$<hex>}. */
    static boolean validPin(String pin) {
        String lower = pin.toLowerCase(Locale.ROOT);
        return lower.matches("sha512\\$[0-9a-f]{128}") || lower.matches("sha256\\$[0-9a-f]{64}");
    }

    /** {@code <algorithm>$<lowercase hex>} of the DER certificate, as the original stores it. */
    static String fingerprint(X509Certificate certificate, String algorithm) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
            return algorithm + "$" + HexFormat.of().formatHex(digest.digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** The presented certificate's fingerprint with the pinned algorithm (sha512 when none is pinned). */
    Optional<String> presentedFingerprint() {
        X509Certificate certificate = presented;
        if (certificate == null) {
            return Optional.empty();
        }
        String algorithm = expected.map(pin -> pin.substring(0, pin.indexOf('$')).toLowerCase(Locale.ROOT))
                .orElse("sha512");
        return Optional.of(fingerprint(certificate, algorithm));
    }

    /** The presented certificate's sha512 fingerprint, the form pinned on first use. */
    Optional<String> presentedSha512() {
        X509Certificate certificate = presented;
        return certificate == null ? Optional.empty() : Optional.of(fingerprint(certificate, "sha512"));
    }

    /** Whether a handshake was refused because the certificate was not the expected one. */
    boolean refused() {
        return refused;
    }

    Optional<String> expected() {
        return expected;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the BMC presented no certificate");
        }
        presented = chain[0];
        Optional<String> pin = expected;
        if (pin.isEmpty()) {
            // first use: the rest of this connection must keep presenting the same certificate
            expected = Optional.of(fingerprint(chain[0], "sha512"));
            return;
        }
        if (!presentedFingerprint().orElseThrow().equalsIgnoreCase(pin.get())) {
            refused = true;
            throw new CertificateException("the BMC's certificate is not the pinned one");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a BMC connection has no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a BMC connection has no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a BMC connection has no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
