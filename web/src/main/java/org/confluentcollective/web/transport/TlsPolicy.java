package org.confluentcollective.web.transport;

import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The protocols and suites of the two TLS connectors. Members speak TLS 1.3 only and never
 * resume a session, so that a revoked member cannot come back on a session opened while it was
 * trusted. Users' clients may also use TLS 1.2, but only with forward-secret AEAD suites (no
 * CBC, no SHA-1).
 */
final class TlsPolicy {

    /** TLS 1.2 suites for users: ECDHE with AES-GCM or ChaCha20-Poly1305 (the key is EC, so ECDSA). */
    private static final String[] USER_SUITES = {
        "TLS_AES_.*", "TLS_CHACHA20_.*",
        "TLS_ECDHE_ECDSA_WITH_AES_(128|256)_GCM_SHA(256|384)", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"};

    /**
     * A server session timeout above TLS 1.3's 7-day ticket lifetime limit makes the JDK send no
     * session ticket, so a TLS 1.3 client has nothing to resume with (as on the ZooKeeper ports).
     */
    private static final int NO_TICKETS_SESSION_TIMEOUT_SECONDS = 7 * 24 * 3600 + 1;

    private TlsPolicy() {
    }

    static void forUsers(SslContextFactory.Server tls) {
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        tls.setIncludeCipherSuites(USER_SUITES);
    }

    static void forMembers(SslContextFactory.Server tls) {
        tls.setIncludeProtocols("TLSv1.3");
        tls.setSslSessionTimeout(NO_TICKETS_SESSION_TIMEOUT_SECONDS);
    }
}
