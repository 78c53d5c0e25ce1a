package org.confluentcollective.web.transport;

import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member API's open TLS connections, checked against the member trust again after every
 * handshake (a resumed handshake does not consult the trust manager) and whenever a member's
 * pin is dropped: a deleted member, or the old certificate of a replaced one, loses its
 * connections at once instead of keeping them until they idle out.
 */
final class MemberConnections implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(MemberConnections.class);

    private final X509ExtendedTrustManager trust;
    private final Set<SslConnection> open = ConcurrentHashMap.newKeySet();

    MemberConnections(X509ExtendedTrustManager trust) {
        this.trust = trust;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof SslConnection ssl) {
            open.add(ssl);
            ssl.addHandshakeListener(new SslHandshakeListener() {
                @Override
                public void handshakeSucceeded(Event event) throws SSLException {
                    if (!trusted(event.getSSLEngine())) {
                        throw new SSLHandshakeException("the member certificate is no longer pinned");
                    }
                }
            });
        }
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    /** Closes every open connection whose peer certificate is no longer trusted. */
    void closeUntrusted() {
        for (SslConnection ssl : open) {
            if (handshakeDone(ssl.getSSLEngine()) && !trusted(ssl.getSSLEngine())) {
                LOG.info("closing a member API connection from {}: its certificate is no longer pinned",
                        ssl.getEndPoint().getRemoteSocketAddress());
                ssl.getEndPoint().close();
            }
        }
    }

    private static boolean handshakeDone(SSLEngine engine) {
        try {
            engine.getSession().getPeerCertificates();
            return true;
        } catch (SSLPeerUnverifiedException stillHandshaking) {
            return false;
        }
    }

    private boolean trusted(SSLEngine engine) {
        try {
            Certificate[] peer = engine.getSession().getPeerCertificates();
            trust.checkClientTrusted(Arrays.copyOf(peer, peer.length, X509Certificate[].class), "UNKNOWN", engine);
            return true;
        } catch (SSLPeerUnverifiedException | CertificateException | ArrayStoreException e) {
            return false;
        }
    }
}
