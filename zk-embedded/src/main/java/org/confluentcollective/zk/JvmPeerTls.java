package org.confluentcollective.zk;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;
import org.apache.zookeeper.server.ServerCnxn;

/**
 * The one place this JVM's member TLS credentials are reachable by ZooKeeper. ZooKeeper creates
 * its quorum {@code SSLContext} supplier and its X.509 authentication provider itself, by class
 * name and no-argument constructor, and keeps the provider for the life of the JVM; neither can
 * be handed an object. So the embedded peer installs its credentials here before it starts, and
 * the two ZooKeeper-made classes read them through the delegating managers below, which also
 * lets a later peer in the same JVM (tests, a member restarting after a join) replace them.
 * One member per JVM is what production runs anyway: many ZooKeeper settings are JVM-wide.
 */
final class JvmPeerTls {

    private static final AtomicReference<Installed> CURRENT = new AtomicReference<>();

    /** The credentials with their key manager built once, not on every handshake. */
    private record Installed(X509KeyManager keyManager, X509ExtendedTrustManager trustManager) {
    }

    private JvmPeerTls() {
    }

    static void install(PeerTls tls) {
        CURRENT.set(new Installed(tls.keyManager(), tls.trustManager()));
    }

    /**
     * Closes those of {@code clients} whose certificate the installed trust manager no longer
     * trusts: the handshake admitted them while it did.
     */
    static void closeUntrusted(Iterable<ServerCnxn> clients) {
        for (ServerCnxn client : clients) {
            Certificate[] chain = client.getClientCertificateChain();
            X509Certificate[] x509 = chain == null ? new X509Certificate[0]
                    : Arrays.stream(chain).filter(X509Certificate.class::isInstance)
                            .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
            try {
                current().trustManager().checkClientTrusted(x509, "UNKNOWN");
            } catch (CertificateException untrusted) {
                client.close(ServerCnxn.DisconnectReason.CONNECTION_CLOSE_FORCED);
            }
        }
    }

    private static Installed current() {
        Installed tls = CURRENT.get();
        if (tls == null) {
            throw new IllegalStateException("no member TLS credentials installed for the embedded ZooKeeper peer");
        }
        return tls;
    }

    /** A key manager that always presents the currently installed member key. */
    static X509ExtendedKeyManager keyManager() {
        return new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return current().keyManager().getClientAliases(keyType, null);
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return current().keyManager().chooseClientAlias(keyType, null, socket);
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                // Issuers are ignored: peers pin certificates instead of naming CAs.
                return current().keyManager().chooseClientAlias(keyType, null, null);
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return current().keyManager().getServerAliases(keyType, null);
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return current().keyManager().chooseServerAlias(keyType, null, socket);
            }

            @Override
            public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
                return current().keyManager().chooseServerAlias(keyType, null, null);
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return current().keyManager().getCertificateChain(alias);
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return current().keyManager().getPrivateKey(alias);
            }
        };
    }

    /** A trust manager that always asks the currently installed (live) member trust manager. */
    static X509ExtendedTrustManager trustManager() {
        return new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws CertificateException {
                current().trustManager().checkClientTrusted(chain, authType, socket);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws CertificateException {
                current().trustManager().checkServerTrusted(chain, authType, socket);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                current().trustManager().checkClientTrusted(chain, authType, engine);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                current().trustManager().checkServerTrusted(chain, authType, engine);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                current().trustManager().checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                current().trustManager().checkServerTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return current().trustManager().getAcceptedIssuers();
            }
        };
    }
}
