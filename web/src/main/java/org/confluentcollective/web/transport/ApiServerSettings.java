package org.confluentcollective.web.transport;

import java.nio.file.Path;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Where the API listens.
 *
 * @param httpsAddress address to bind HTTPS to ({@code 0.0.0.0} for all)
 * @param httpsPort    0 picks a free port
 * @param socketPath   the local root socket
 * @param tls          the member's key and certificate, served on both TLS ports
 * @param memberAddress address of the member-to-member API
 * @param memberPort   member API port; 0 picks a free port
 * @param memberTrust  which client certificates the member API admits (the pinned members)
 */
public record ApiServerSettings(String httpsAddress, int httpsPort, Path socketPath, TlsIdentity tls,
                                String memberAddress, int memberPort, X509ExtendedTrustManager memberTrust) {

    /** Without other members: the member API listens on a free loopback port and admits nobody. */
    public ApiServerSettings(String httpsAddress, int httpsPort, Path socketPath, TlsIdentity tls) {
        this(httpsAddress, httpsPort, socketPath, tls, "127.0.0.1", 0, new NoMemberTrusted());
    }
}
