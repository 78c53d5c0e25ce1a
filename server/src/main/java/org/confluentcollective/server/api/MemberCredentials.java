package org.confluentcollective.server.api;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;

/**
 * This member's TLS identity as the transports use it when they talk to other members: its
 * certificate and client TLS contexts presenting its key. Other members trust it by its
 * fingerprint ({@code sha256:<lowercase hex>} of the DER-encoded certificate), never by a CA.
 */
public interface MemberCredentials {

    X509Certificate certificate();

    /** This member's certificate fingerprint, what other members and clients pin. */
    String fingerprint();

    /** A new in-memory PKCS#12 key store holding this member's key and certificate (for TLS servers). */
    KeyStore keyStore(char[] password);

    /**
     * A TLS context that presents this member's key and trusts exactly the member certificate
     * with {@code fingerprint}.
     */
    SSLContext pinnedContext(String fingerprint);

    /**
     * A TLS context that presents this member's key and accepts any certificate: only for the
     * join, where nobody is known yet and the invitation's proofs authenticate both sides.
     */
    SSLContext unverifiedContext();
}
