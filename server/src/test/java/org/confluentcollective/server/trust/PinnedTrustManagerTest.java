package org.confluentcollective.server.trust;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedTrustManagerTest {

    @TempDir
    static Path tmp;
    static MemberIdentity alpha;
    static MemberIdentity beta;

    @BeforeAll
    static void identities() {
        alpha = MemberIdentity.loadOrCreate(tmp.resolve("alpha"), "alpha", List.of(), List.of());
        beta = MemberIdentity.loadOrCreate(tmp.resolve("beta"), "beta", List.of(), List.of());
    }

    @Test
    void pinUnpinAndSnapshot() {
        PinnedTrustManager trust = new PinnedTrustManager(List.of(alpha.fingerprint()));
        trust.pin("  " + beta.fingerprint().toUpperCase().replace("SHA256", "sha256") + " ");
        Set<String> snapshot = trust.pinned();
        assertEquals(Set.of(alpha.fingerprint(), beta.fingerprint()), snapshot);
        trust.unpin(alpha.fingerprint());
        assertEquals(Set.of(beta.fingerprint()), trust.pinned());
        assertEquals(2, snapshot.size(), "pinned() is a snapshot");
        assertThrows(IllegalArgumentException.class, () -> trust.pin("ab:cd"));
        assertThrows(IllegalArgumentException.class, () -> trust.pin(null));
        assertEquals(0, trust.getAcceptedIssuers().length);
    }

    @Test
    void tellsListenersOnceWhenAPinIsDropped() {
        PinnedTrustManager trust = new PinnedTrustManager(List.of(alpha.fingerprint(), beta.fingerprint()));
        List<String> revoked = new java.util.ArrayList<>();
        trust.onUnpin(revoked::add);
        trust.unpin(alpha.fingerprint());
        trust.unpin(alpha.fingerprint());
        assertEquals(List.of(alpha.fingerprint()), revoked, "only a pin that was there is reported");
    }

    @Test
    void acceptsExactlyPinnedLeaf() {
        PinnedTrustManager trust = new PinnedTrustManager(List.of(alpha.fingerprint()));
        X509Certificate[] a = {alpha.certificate()};
        X509Certificate[] b = {beta.certificate()};
        assertDoesNotThrow(() -> trust.checkServerTrusted(a, "ECDHE_ECDSA"));
        assertDoesNotThrow(() -> trust.checkClientTrusted(a, "ECDHE_ECDSA"));
        CertificateException e = assertThrows(CertificateException.class, () -> trust.checkServerTrusted(b, "ECDHE_ECDSA"));
        assertTrue(e.getMessage().contains(beta.fingerprint()), e.getMessage());
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(b, "ECDHE_ECDSA"));
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(new X509Certificate[0], "x"));
        // the leaf decides: a pinned certificate further down the chain does not help
        assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(new X509Certificate[] {beta.certificate(), alpha.certificate()}, "x"));
    }

    @Test
    void mutualTlsHandshakeSucceedsBetweenPinnedMembers() throws Exception {
        PinnedTrustManager alphaTrusts = new PinnedTrustManager(List.of(beta.fingerprint()));
        PinnedTrustManager betaTrusts = new PinnedTrustManager(List.of(alpha.fingerprint()));
        assertEquals(42, exchange(alphaTrusts, betaTrusts));
    }

    @Test
    void clientRefusesUnpinnedServer() {
        PinnedTrustManager alphaTrusts = new PinnedTrustManager(List.of(beta.fingerprint()));
        PinnedTrustManager betaTrusts = new PinnedTrustManager();
        IOException e = assertThrows(IOException.class, () -> exchange(alphaTrusts, betaTrusts));
        assertTrue(String.valueOf(e.getMessage()).contains("not a pinned member certificate"), e.toString());
    }

    @Test
    void serverRefusesUnpinnedClientAndUnpinTakesEffect() throws Exception {
        PinnedTrustManager alphaTrusts = new PinnedTrustManager(List.of(beta.fingerprint()));
        PinnedTrustManager betaTrusts = new PinnedTrustManager(List.of(alpha.fingerprint()));
        assertEquals(42, exchange(alphaTrusts, betaTrusts));
        alphaTrusts.unpin(beta.fingerprint());
        assertThrows(IOException.class, () -> exchange(alphaTrusts, betaTrusts));
    }

    /** ZooKeeper's quorum connections are plain SSLSockets: dropping the pin closes the ones it admitted. */
    @Test
    void droppingAPinClosesTheConnectionsItAdmitted() throws Exception {
        PinnedTrustManager alphaTrusts = new PinnedTrustManager(List.of(beta.fingerprint()));
        PinnedTrustManager betaTrusts = new PinnedTrustManager(List.of(alpha.fingerprint()));
        try (SSLServerSocket server = (SSLServerSocket) alpha.sslContext(alphaTrusts).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            server.setSoTimeout(5_000);
            CompletableFuture<SSLSocket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    SSLSocket s = (SSLSocket) server.accept();
                    s.startHandshake();
                    s.getOutputStream().write(42);
                    s.getOutputStream().flush();
                    return s;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SSLSocket client = (SSLSocket) beta.sslContext(betaTrusts).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setSoTimeout(10_000);
                client.startHandshake();
                assertEquals(42, client.getInputStream().read());
                SSLSocket serverSide = accepted.get(10, TimeUnit.SECONDS);
                assertTrue(!serverSide.isClosed());

                alphaTrusts.unpin(beta.fingerprint());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!serverSide.isClosed() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(serverSide.isClosed(), "the connection the dropped pin admitted is closed");
                int after;
                try {
                    after = client.getInputStream().read();
                } catch (IOException closed) {
                    after = -1;
                }
                assertEquals(-1, after, "the peer sees its connection end");
            }
        }
    }

    /**
     * alpha serves on loopback and requires a client certificate; beta connects. Returns the
     * byte alpha sends once the handshake is done. The client reads that byte so that a
     * rejection by the server (which TLS 1.3 reports after the client's handshake) surfaces too.
     */
    private static int exchange(PinnedTrustManager alphaTrusts, PinnedTrustManager betaTrusts) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) alpha.sslContext(alphaTrusts).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            server.setSoTimeout(5_000);
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(5_000);
                    s.startHandshake();
                    s.getOutputStream().write(42);
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // the refusal is asserted on the client side
                }
            });
            try (SSLSocket client = (SSLSocket) beta.sslContext(betaTrusts).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setSoTimeout(5_000);
                client.startHandshake();
                int b = client.getInputStream().read();
                if (b < 0) {
                    throw new IOException("server closed the connection");
                }
                return b;
            } finally {
                served.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
