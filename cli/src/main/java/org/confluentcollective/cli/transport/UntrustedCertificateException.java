package org.confluentcollective.cli.transport;

import java.security.cert.CertificateException;

/** The member presented a certificate other than the pinned one. */
public final class UntrustedCertificateException extends CertificateException {

    private final Fingerprint expected;
    private final Fingerprint presented;
    private final String pinnedBy;

    public UntrustedCertificateException(Fingerprint expected, Fingerprint presented, String pinnedBy) {
        super("certificate fingerprint " + presented + " differs from " + expected + " pinned by " + pinnedBy);
        this.expected = expected;
        this.presented = presented;
        this.pinnedBy = pinnedBy;
    }

    public Fingerprint expected() {
        return expected;
    }

    public Fingerprint presented() {
        return presented;
    }

    /** {@code --fingerprint} or the known_hosts file. */
    public String pinnedBy() {
        return pinnedBy;
    }
}
