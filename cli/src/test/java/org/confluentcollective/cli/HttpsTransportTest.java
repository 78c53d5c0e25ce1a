package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.confluentcollective.server.trust.MemberIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to a member: certificate pinning, trust on first use, credentials; against a scripted daemon. */
class HttpsTransportTest {

    private static final String OTHER_FINGERPRINT = "sha256:" + "ab".repeat(32);
    private static final String NODES = "{\"_links\":{\"item\":[{\"href\":\"n1/\"}]}}";

    @TempDir
    static Path shared;

    private static ScriptedDaemon daemon;
    private static MemberIdentity identity;

    @TempDir
    Path home;

    private CliRunner cli;
    private String host;

    @BeforeAll
    static void start() throws Exception {
        identity = MemberIdentity.loadOrCreate(shared.resolve("identity"), "mgmt1", List.of(), List.of());
        daemon = new ScriptedDaemon(shared.resolve("api.sock"), identity).on("GET /nodes/", 200, NODES);
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
    }

    @BeforeEach
    void runner() {
        host = "127.0.0.1:" + daemon.httpsPort();
        cli = new CliRunner(home).with("CONFLUENT_HOST", host).with("CONFLUENT_PASSWORD", "pw");
    }

    private Path knownHosts() {
        return home.resolve(".config/confluentctl/known_hosts");
    }

    private int requestsSoFar() {
        return daemon.exchanges().size();
    }

    @Test
    void firstUseTrustsRecordsAndAnnouncesTheFingerprintOnce() throws IOException {
        CliRunner.Result first = cli.run("nodelist", "--user", "alice");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals("n1\n", first.out());
        assertTrue(first.err().contains(identity.fingerprint()) && first.err().contains(host), first.toString());
        assertEquals(List.of(host + " " + identity.fingerprint()), Files.readAllLines(knownHosts()));

        CliRunner.Result second = cli.run("nodelist", "--user", "alice");
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals("", second.err());
    }

    @Test
    void sendsBasicCredentialsWithThePasswordFromTheEnvironmentOrThePrompt() {
        cli.run("--user", "alice", "--fingerprint", identity.fingerprint(), "nodelist");
        assertEquals(basic("alice:pw"), last().authorization());
        CliRunner.Result prompted = cli.without("CONFLUENT_PASSWORD").answering("typed")
                .with("CONFLUENT_USER", "bob").run("nodelist", "--fingerprint", identity.fingerprint());
        assertEquals(0, prompted.exitCode(), prompted.toString());
        assertEquals(basic("bob:typed"), last().authorization());
        assertFalse(Files.exists(knownHosts()), "an explicit fingerprint records nothing");
    }

    @Test
    void aWrongFingerprintIsRefusedBeforeAnyRequestIsSent() {
        int before = requestsSoFar();
        CliRunner.Result result = cli.run("--user", "alice", "--fingerprint", OTHER_FINGERPRINT, "nodelist");
        assertEquals(ExitCode.UNREACHABLE, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("Error: REFUSED"), result.toString());
        assertTrue(result.err().contains(OTHER_FINGERPRINT) && result.err().contains(identity.fingerprint()),
                result.toString());
        assertEquals(before, requestsSoFar(), "the password never left");
    }

    @Test
    void aChangedCertificateIsRefusedAndKnownHostsKept() throws IOException {
        Files.createDirectories(knownHosts().getParent());
        Files.writeString(knownHosts(), "# pinned earlier\n" + host + " " + OTHER_FINGERPRINT + "\n");
        CliRunner.Result result = cli.run("--user", "alice", "nodelist");
        assertEquals(ExitCode.UNREACHABLE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("NOT the one expected") && result.err().contains(knownHosts().toString()),
                result.toString());
        assertEquals(List.of("# pinned earlier", host + " " + OTHER_FINGERPRINT), Files.readAllLines(knownHosts()));
    }

    @Test
    void anExplicitSocketWinsOverCONFLUENT_HOST() {
        CliRunner.Result result = cli.run("--socket", daemon.socket().toString(), "nodelist");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(null, last().authorization());
        assertFalse(Files.exists(knownHosts()));
    }

    @Test
    void nothingListensOnTheGivenPort() {
        CliRunner.Result result = cli.run("--host", "127.0.0.1:1", "nodelist");
        assertEquals(ExitCode.UNREACHABLE, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("Error: cannot connect to confluentd at 127.0.0.1:1"), result.toString());
    }

    private static ScriptedDaemon.Exchange last() {
        List<ScriptedDaemon.Exchange> exchanges = daemon.exchanges();
        return exchanges.get(exchanges.size() - 1);
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
