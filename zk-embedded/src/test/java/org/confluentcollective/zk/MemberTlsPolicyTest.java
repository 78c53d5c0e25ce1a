package org.confluentcollective.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed TLS handshake skips the trust manager, so a peer unpinned after its first
 * handshake could come back on its session. The member policy leaves nothing to resume: the
 * server's trust manager sees every connection. The JDK default is the control.
 */
class MemberTlsPolicyTest {

    @TempDir
    Path dir;

    @Test
    void everyConnectionIsCheckedByTheTrustManager() throws Exception {
        KeyStore key = selfSigned();
        assertEquals(1, trustChecksForTwoConnections(key, false), "control: the JDK resumes by default");
        assertEquals(2, trustChecksForTwoConnections(key, true));
    }

    private int trustChecksForTwoConnections(KeyStore key, boolean policy) throws Exception {
        AtomicInteger checks = new AtomicInteger();
        SSLContext server = context(key, checks);
        if (policy) {
            MemberTlsPolicy.withoutResumption(server);
        }
        SSLContext client = context(key, new AtomicInteger());
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
            listener.setNeedClientAuth(true);
            listener.setEnabledProtocols(new String[] {MemberTlsPolicy.PROTOCOL});
            Thread serving = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket accepted = listener.accept()) {
                        accepted.getOutputStream().write(1);
                        accepted.getInputStream().read();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            serving.start();
            for (int i = 0; i < 2; i++) {
                try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                        .createSocket("127.0.0.1", listener.getLocalPort())) {
                    socket.setEnabledProtocols(new String[] {MemberTlsPolicy.PROTOCOL});
                    InputStream in = socket.getInputStream();
                    assertEquals(1, in.read()); // after any session ticket
                }
            }
            serving.join(10_000);
        }
        return checks.get();
    }

    private KeyStore selfSigned() throws Exception {
        Path file = dir.resolve("member.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "member", "-dname", "CN=member",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", "secret")
                .inheritIO().start();
        assertEquals(0, keytool.waitFor());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            store.load(in, "secret".toCharArray());
        }
        return store;
    }

    private static SSLContext context(KeyStore key, AtomicInteger checks) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(key, "secret".toCharArray());
        SSLContext context = SSLContext.getInstance(MemberTlsPolicy.PROTOCOL);
        context.init(keys.getKeyManagers(), new TrustManager[] {new CountingTrust(checks)}, null);
        return context;
    }

    /** Trusts everyone and counts the client certificate checks. */
    private record CountingTrust(AtomicInteger checks) implements X509TrustAll {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            checks.incrementAndGet();
        }
    }

    private interface X509TrustAll extends javax.net.ssl.X509TrustManager {
        @Override
        default void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        default X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
