package org.confluentcollective.cli.transport;

import java.io.PrintWriter;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * Decides whether a member's certificate is the one expected, like ssh does with host keys:
 * an explicit {@code --fingerprint} must match; otherwise the fingerprint recorded in
 * {@code known_hosts} must match; a member seen for the first time is trusted, recorded and announced.
 *
 * @param authority the {@code HOST:PORT} the certificate is checked for
 * @param pinned    from {@code --fingerprint}, if given
 * @param knownHosts where first-use fingerprints are kept
 * @param notices   where the first-use announcement goes (stderr)
 */
public record CertificatePinning(String authority, Optional<Fingerprint> pinned, KnownHosts knownHosts,
                                 PrintWriter notices) {

    public void check(Fingerprint presented) throws CertificateException {
        if (pinned.isPresent()) {
            requireSame(pinned.get(), presented, "--fingerprint");
            return;
        }
        Optional<Fingerprint> known = knownHosts.lookup(authority);
        if (known.isPresent()) {
            requireSame(known.get(), presented, knownHosts.file().toString());
            return;
        }
        knownHosts.add(authority, presented);
        notices.println("Warning: first connection to " + authority + "; its certificate " + presented
                + " is now trusted and recorded in " + knownHosts.file());
        notices.flush();
    }

    private static void requireSame(Fingerprint expected, Fingerprint presented, String pinnedBy)
            throws UntrustedCertificateException {
        if (!expected.equals(presented)) {
            throw new UntrustedCertificateException(expected, presented, pinnedBy);
        }
    }
}
