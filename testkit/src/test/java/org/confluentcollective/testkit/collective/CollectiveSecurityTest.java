package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.server.api.InviteToken;
import org.confluentcollective.server.trust.AnyCertificate;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.testkit.MemberProcess;
import org.confluentcollective.web.Confluentd;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joining is refused for a wrong, expired or reused token, for a proof made for another
 * certificate than the one presented, and for another version, and each refusal changes
 * nothing; an uninvited certificate is refused at the quorum port, the ZooKeeper client port and
 * the member API; a deleted member is refused afterwards, cannot resume its earlier sessions and
 * loses its open member API connection; only TLS 1.3 between members, only AEAD suites on HTTPS;
 * a pre-created open state directory is made private. All against real member processes.
 */
@Tag("slow")
class CollectiveSecurityTest {

    @RegisterExtension
    final Cluster cluster = new Cluster();

    /** Key pairs of processes that are not members. */
    @TempDir
    Path outsiders;

    @Test
    void refusesWhatWasNotInvited() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        m1.ok("nodegroupdefine", "compute");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3");
        cluster.assertAgree(3, 0);
        MemberProcess m4 = cluster.start("m4");
        String token = m1.ok("collective", "invite", "m4").out().strip();
        String before = m1.dump();

        String wrong = InviteToken.generate("m4", new SecureRandom()).text();
        assertRefused(m4.ctl("collective", "join", "127.0.0.1:" + m1.httpsPort, "-i", wrong), "invalid token");
        assertRefused(m4.ctl("collective", "join", "127.0.0.1:" + m1.httpsPort, "-i", "not-a-token"),
                "invalid token format");

        // A proof made for one certificate, presented by a process holding another.
        MemberIdentity proved = MemberIdentity.loadOrCreate(outsiders.resolve("proved"), "m4", List.of("m4"), List.of());
        MemberIdentity presenting = MemberIdentity.loadOrCreate(outsiders.resolve("presenting"), "m4", List.of("m4"),
                List.of());
        HttpResponse<String> mismatch = enroll(m1, InviteToken.parse(token), presenting, proved.certificate(),
                Confluentd.VERSION);
        assertEquals(403, mismatch.statusCode(), mismatch.body());
        assertTrue(mismatch.body().contains("invalid token"), mismatch.body());
        // An unknown name and a wrong token get the same answer: enrollment tells nobody who is invited.
        HttpResponse<String> wrongToken = enroll(m1, InviteToken.generate("m4", new SecureRandom()), presenting,
                presenting.certificate(), Confluentd.VERSION);
        HttpResponse<String> unknownName = enroll(m1, InviteToken.generate("nosuch", new SecureRandom()), presenting,
                presenting.certificate(), Confluentd.VERSION);
        assertEquals(403, wrongToken.statusCode(), wrongToken.body());
        assertEquals(403, unknownName.statusCode(), unknownName.body());
        assertEquals(wrongToken.body(), unknownName.body());
        HttpResponse<String> otherVersion = enroll(m1, InviteToken.parse(token), presenting,
                presenting.certificate(), "0.0.0-other");
        assertEquals(409, otherVersion.statusCode(), otherVersion.body());
        assertTrue(otherVersion.body().contains("version mismatch"), otherVersion.body());
        assertEquals(3, m1.status().path("members").size(), "refused joins register nobody");
        assertEquals(before, m1.dump());

        // The invitation survived every refused attempt; used once, it is gone.
        m4.ok("collective", "join", "127.0.0.1:" + m1.httpsPort, "-i", token);
        cluster.assertAgree(4, 0);
        MemberProcess m5 = cluster.start("m5");
        assertRefused(m5.ctl("collective", "join", "127.0.0.1:" + m1.httpsPort, "-i", token), "invalid token");
        assertRefused(m5.ctlWithInput(token + "\n", "collective", "join", "127.0.0.1:" + members.get(1).httpsPort),
                "invalid token");
        String shortLived = m1.ok("collective", "invite", "m5", "--ttl", "1").out().strip();
        Thread.sleep(2_000);
        assertRefused(m5.ctl("collective", "join", "127.0.0.1:" + m1.httpsPort, "-i", shortLived), "expired");
        assertEquals(4, m1.status().path("members").size());
        cluster.drop(m5);

        // An uninvited certificate gets nowhere; a member's own certificate is the control.
        MemberIdentity intruder = MemberIdentity.loadOrCreate(outsiders.resolve("intruder"), "intruder",
                List.of("intruder"), List.of());
        MemberIdentity m2Identity = identityOf(members.get(1));
        int quorumPort = leaderQuorumPort();
        for (int port : new int[] {quorumPort, m1.electionPort, m1.clientPort, m1.memberPort}) {
            assertHandshakeRefused(intruder, port);
        }
        assertAcceptedSilently(m2Identity, quorumPort);
        assertAcceptedSilently(m2Identity, m1.electionPort);
        assertAcceptedSilently(m2Identity, m1.clientPort);
        assertEquals("HTTP/1.1 200", memberApiStatus(m2Identity, m1.memberPort));

        // A deleted member is no longer trusted anywhere.
        MemberIdentity m4Identity = identityOf(m4);
        assertEquals("HTTP/1.1 200", memberApiStatus(m4Identity, m1.memberPort));
        m1.ok("collective", "delete", "m4");
        cluster.drop(m4);
        cluster.assertAgree(3, 0);
        for (int port : new int[] {leaderQuorumPort(), m1.electionPort, m1.clientPort, m1.memberPort}) {
            assertHandshakeRefused(m4Identity, port);
        }
        assertRefused(m1.ctl("collective", "delete", "m1"), "cannot delete itself");
        assertRefused(m1.ctl("collective", "delete", "nosuch"), "not a recognized collective member");
    }

    /**
     * A state directory created beforehand with open modes is made private at start, the files
     * already in it too; what ZooKeeper writes later sits in 0700 directories, so others cannot reach it.
     */
    @Test
    void makesAPreCreatedStateDirectoryPrivate() throws Exception {
        MemberProcess m1 = cluster.create("m1", "m1");
        Path state = m1.dir.resolve("state");
        Files.createDirectories(state.resolve("zookeeper"));
        Path old = Files.writeString(state.resolve("zookeeper/notes"), "left by an administrator");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(state.resolve("zookeeper"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        m1.start();
        m1.ok("nodegroupdefine", "compute");

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state.resolve("zookeeper"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
    }

    /**
     * TLS 1.3 only between members (member API, and every ZooKeeper port); on HTTPS TLS 1.2 too,
     * but only with AEAD suites. Every refusal is checked with a pinned member certificate, so
     * only the protocol or the suite can be the reason.
     */
    @Test
    void speaksOnlyStrongTls() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        List<MemberProcess> members = cluster.form(m1, "m2");
        SSLContext m2 = identityOf(members.get(1)).sslContext(new AnyCertificate());
        String[] tls12 = {"TLSv1.2"};
        String[] gcm = {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"};

        try (SSLSocket https = connect(m2, m1.httpsPort, tls12, gcm)) {
            assertEquals("TLSv1.2", https.getSession().getProtocol(), "HTTPS keeps TLS 1.2 with AEAD suites");
        }
        for (String cbc : new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"}) {
            assertRefused(m1.httpsPort, () -> connect(m2, m1.httpsPort, tls12, new String[] {cbc}), cbc);
        }
        for (int port : new int[] {m1.memberPort, leaderQuorumPort(), m1.electionPort, m1.clientPort}) {
            assertRefused(port, () -> connect(m2, port, tls12, gcm), "TLS 1.2");
            try (SSLSocket member = connect(m2, port, null, null)) {
                assertEquals("TLSv1.3", member.getSession().getProtocol());
            }
        }
    }

    /**
     * A deleted member's sessions end with its pin: a client that completed handshakes while
     * pinned cannot resume them afterwards (same context, same cached session) on the member
     * port or the ZooKeeper ports, and its open member API connection is closed.
     */
    @Test
    void revocationEndsSessionsAndConnections() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3");
        cluster.assertAgree(3, 0);
        MemberProcess m3 = members.get(2);
        SSLContext revoked = identityOf(m3).sslContext(new AnyCertificate());
        int quorumPort = leaderQuorumPort();
        int[] ports = {m1.memberPort, quorumPort, m1.electionPort};
        // Sessions (and any ticket, which TLS 1.3 sends after the handshake) are in the client's cache.
        assertEquals("HTTP/1.1 200", memberApiStatus(connect(revoked, m1.memberPort, null, null)));
        assertAcceptedSilently(revoked, quorumPort);
        assertAcceptedSilently(revoked, m1.electionPort);
        SSLSocket held = connect(identityOf(m3).sslContext(new AnyCertificate()), m1.memberPort, null, null);
        held.getOutputStream().write("GET /collective/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        held.setSoTimeout(10_000);
        assertEquals("HTTP/1.1 200", new String(held.getInputStream().readNBytes(12), StandardCharsets.US_ASCII));
        // Silent on the leader's quorum port: ZooKeeper itself would wait initLimit (30 s) for it.
        SSLSocket heldQuorum = connect(identityOf(m3).sslContext(new AnyCertificate()), quorumPort, null, null);
        // A ZooKeeper session on m1's client port: m3's key, trusting m1's certificate.
        LinkedBlockingQueue<Watcher.Event.KeeperState> sessionStates = new LinkedBlockingQueue<>();
        ZooKeeper heldSession = new ZooKeeper("127.0.0.1:" + m1.clientPort, 30_000,
                event -> sessionStates.add(event.getState()), clientOf(m3, m1));
        assertEquals(Watcher.Event.KeeperState.SyncConnected, sessionStates.poll(30, TimeUnit.SECONDS));

        m1.ok("collective", "delete", "m3");
        long deleted = System.nanoTime();
        assertClosedSoon(held);
        assertTrue(System.nanoTime() - deleted < 20_000_000_000L, "closed by the revocation, not by idling");
        assertClosedSoon(heldQuorum);
        assertTrue(System.nanoTime() - deleted < 20_000_000_000L,
                "the quorum connection closed by the revocation, not by ZooKeeper's 30 s wait");
        try {
            assertEquals(Watcher.Event.KeeperState.Disconnected, sessionStates.poll(20, TimeUnit.SECONDS),
                    "the deleted member's ZooKeeper session on m1's client port is cut");
        } finally {
            heldSession.close(1_000);
        }
        cluster.drop(m3);
        cluster.assertAgree(2, 0);
        for (int port : ports) {
            assertRefused(port, () -> connect(revoked, port, null, null), "a resumption after the delete");
        }
    }

    /**
     * ZooKeeper client settings presenting {@code as}'s member key and trusting {@code server}'s
     * certificate (each member's own client settings trust only itself).
     */
    private static ZKClientConfig clientOf(MemberProcess as, MemberProcess server) throws Exception {
        Properties key = clientProperties(as);
        Properties trust = clientProperties(server);
        ZKClientConfig config = new ZKClientConfig();
        for (String name : key.stringPropertyNames()) {
            config.setProperty(name, name.startsWith("zookeeper.ssl.trustStore.") ? trust.getProperty(name)
                    : key.getProperty(name));
        }
        return config;
    }

    private static Properties clientProperties(MemberProcess member) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                member.dir.resolve("state/zookeeper/client-tls/client.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The connection ends: end of stream or an error, not silence. */
    private static void assertClosedSoon(SSLSocket socket) throws IOException {
        socket.setSoTimeout(15_000);
        try (socket) {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // the rest of the earlier answer
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("a connection of a deleted member stayed open", e);
        } catch (IOException closed) {
            // reset or alert: closed
        }
    }

    /** A connection attempt that must end without an open TLS connection. */
    @FunctionalInterface
    private interface Attempt {
        SSLSocket connect() throws IOException;
    }

    private static void assertRefused(int port, Attempt attempt, String what) throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 5_000); // something listens: not vacuous
        }
        String outcome;
        try (SSLSocket socket = attempt.connect()) {
            socket.setSoTimeout(10_000);
            outcome = socket.getInputStream().read() == -1 ? null
                    : "data was sent over " + socket.getSession().getProtocol();
        } catch (SocketTimeoutException e) {
            outcome = "the connection stayed open";
        } catch (IOException e) {
            outcome = null;
        }
        assertNull(outcome, "port " + port + " must refuse " + what + ", but " + outcome);
    }

    /** Only the ZooKeeper leader listens on its quorum port: find it among the members. */
    private int leaderQuorumPort() {
        for (MemberProcess member : cluster.members()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", member.quorumPort), 2_000);
                return member.quorumPort;
            } catch (IOException notLeading) {
                // followers do not listen there
            }
        }
        throw new AssertionError("no member listens on its quorum port");
    }

    private static void assertRefused(CliRunner.Result result, String reason) {
        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(result.err().contains(reason), "expected '" + reason + "' in:\n" + result);
    }

    private static MemberIdentity identityOf(MemberProcess member) {
        return MemberIdentity.loadOrCreate(member.dir.resolve("state"), member.name, List.of(member.name), List.of());
    }

    /** The enrollment as a joiner sends it, except that the proof is over {@code provedAs}. */
    private static HttpResponse<String> enroll(MemberProcess inviter, InviteToken token, MemberIdentity presenting,
                                               X509Certificate provedAs, String version) throws Exception {
        X509Certificate inviterCert;
        try (SSLSocket socket = connect(presenting, inviter.httpsPort)) {
            inviterCert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
        String body = """
                {"name":"%s","proof":"%s","version":"%s","address":"127.0.0.1","httpsport":1,"memberport":2,
                 "quorumport":3,"electionport":4,"clientport":5}""".formatted(token.name(),
                Base64.getEncoder().encodeToString(InviteToken.proof(token.verifier(), inviterCert, provedAs)),
                version);
        HttpClient client = HttpClient.newBuilder().sslContext(presenting.sslContext(new AnyCertificate())).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + inviter.httpsPort
                        + "/collective/enroll")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Refused: the handshake fails (an alert, or the peer hanging up mid-handshake). TLS 1.3
     * finishes the client's side first, so the refusal of its certificate may arrive on first read.
     */
    private static void assertHandshakeRefused(MemberIdentity identity, int port) throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 5_000); // something listens: not vacuous
        }
        String outcome;
        try (SSLSocket socket = connect(identity, port)) {
            socket.setSoTimeout(10_000);
            outcome = socket.getInputStream().read() == -1 ? null : "data was sent";
        } catch (SocketTimeoutException e) {
            outcome = "the connection stayed open";
        } catch (IOException e) {
            outcome = null;
        }
        assertNull(outcome, "port " + port + " must refuse " + identity.fingerprint() + ", but " + outcome);
    }

    /** Accepted: the peer waits for the client to speak first, so a read just times out. */
    private static void assertAcceptedSilently(MemberIdentity identity, int port) throws IOException {
        assertAcceptedSilently(identity.sslContext(new AnyCertificate()), port);
    }

    private static void assertAcceptedSilently(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = connect(context, port, null, null)) {
            socket.setSoTimeout(1_500);
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read(),
                    "port " + port + " must accept the connection");
        }
    }

    private static String memberApiStatus(MemberIdentity identity, int port) throws IOException {
        return memberApiStatus(connect(identity, port));
    }

    private static String memberApiStatus(SSLSocket connected) throws IOException {
        try (SSLSocket socket = connected) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /collective/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII);
        }
    }

    private static SSLSocket connect(MemberIdentity identity, int port) throws IOException {
        return connect(identity.sslContext(new AnyCertificate()), port, null, null);
    }

    /**
     * A handshake from {@code context}, which resumes a session it cached for this port if the
     * server lets it; {@code protocols} and {@code suites} null for the JDK's defaults.
     */
    private static SSLSocket connect(SSLContext context, int port, String[] protocols, String[] suites)
            throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
        if (protocols != null) {
            socket.setEnabledProtocols(protocols);
        }
        if (suites != null) {
            socket.setEnabledCipherSuites(suites);
        }
        socket.startHandshake();
        return socket;
    }
}
