package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.confluentcollective.web.Confluentd;
import org.confluentcollective.web.DaemonConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * confluentctl against a real confluentd started in-process, over its Unix socket and over HTTPS.
 * Tests share the daemon, so each works on nodes and groups of its own.
 */
@Tag("slow")
class EndToEndTest {

    @TempDir
    static Path state;

    private static Confluentd daemon;

    @TempDir
    Path home;

    private CliRunner local;

    @BeforeAll
    static void start() throws Exception {
        daemon = Confluentd.start(DaemonConfig.builder(state.resolve("member"), "mgmt1")
                .socketPath(state.resolve("api.sock")).build());
        CliRunner.Result admin = socketRunner(state).with("CONFLUENT_NEW_PASSWORD", "adminpw")
                .run("user", "add", "root2", "--role", "admin");
        assertEquals(0, admin.exitCode(), admin.toString());
        CliRunner.Result monitor = socketRunner(state).with("CONFLUENT_NEW_PASSWORD", "monitorpw")
                .run("user", "add", "watcher", "--role", "monitor");
        assertEquals(0, monitor.exitCode(), monitor.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
    }

    private static CliRunner socketRunner(Path home) {
        return new CliRunner(home).with("CONFLUENT_SOCKET", daemon.socketPath().toString());
    }

    @BeforeEach
    void runner() {
        local = socketRunner(home);
    }

    private CliRunner https() {
        return new CliRunner(home).with("CONFLUENT_HOST", "127.0.0.1:" + daemon.httpsPort())
                .with("CONFLUENT_USER", "root2").with("CONFLUENT_PASSWORD", "adminpw")
                .with("CONFLUENT_FINGERPRINT", daemon.fingerprint());
    }

    private static CliRunner.Result ok(CliRunner.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    private static void assertOut(String expected, CliRunner.Result result) {
        assertEquals(expected, ok(result).out(), result.toString());
    }

    private static void assertFails(int exitCode, String err, CliRunner.Result result) {
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals(err, result.err(), result.toString());
        assertEquals("", result.out(), result.toString());
    }

    @Test
    void defineShowAndInheritOverTheSocket() {
        assertOut("rackA: created\n", local.run("nodegroupdefine", "rackA", "location.rack=7"));
        assertOut("a1: created\na2: created\na10: created\n", local.run("nodedefine", "a[1,2,10]", "groups=rackA"));
        assertOut("a1: location.rack: 7\na2: location.rack: 7\na10: location.rack: 7\n",
                local.run("nodeattrib", "a[1,2,10]", "location.rack"));
        assertOut("a2: location.rack: 7 (inherited from group rackA)\n",
                local.run("nodeattrib", "-b", "a2", "location.rack"));
        assertOut("a1\na2\na10\n", local.run("nodelist", "rackA"));
        assertOut("a1,a2,a10\n", local.run("nodelist", "rackA", "-d", ","));
        CliRunner.Result group = ok(local.run("nodegroupattrib", "rackA"));
        assertTrue(group.out().contains("rackA: location.rack: 7\n"), group.toString());
        assertTrue(group.out().contains("rackA: nodes: a1,a2,a10\n"), group.toString());
    }

    @Test
    void setExpressionsSecretsAndClearInOneRequestEach() {
        ok(local.run("nodedefine", "b[1-2]"));
        CliRunner.Result set = ok(local.run("nodeattrib", "b1,b2", "location.u={n1}", "location.room=hall a=b"));
        assertEquals("b1: location.room: hall a=b\nb1: location.u: 1\nb2: location.room: hall a=b\nb2: location.u: 2\n",
                set.out(), set.toString());
        assertOut("b2: location.u: 2 (derived from expression \"{n1}\")\n",
                local.run("nodeattrib", "b2", "location.u", "-b"));
        ok(local.answering("t0psecret", "t0psecret").run("nodeattrib", "-p", "b1", "secret.hardwaremanagementpassword"));
        assertOut("b1: secret.hardwaremanagementpassword: ********\n",
                local.run("nodeattrib", "b1", "secret.hardwaremanagementpassword"));
        ok(local.run("nodeattrib", "-c", "b1", "location.room"));
        assertOut("b1: location.room:\n", local.run("nodeattrib", "b1", "location.room"));
    }

    @Test
    void groupsArePrependedAndRemoved() {
        ok(local.run("nodegroupdefine", "gc1"));
        ok(local.run("nodegroupdefine", "gc2"));
        ok(local.run("nodedefine", "c1", "groups=gc1"));
        ok(local.run("nodeattrib", "c1", "groups,=gc2"));
        assertOut("c1: groups: gc2,gc1,everything\n", local.run("nodeattrib", "c1", "groups"));
        ok(local.run("nodeattrib", "c1", "groups^=gc2"));
        assertOut("c1: groups: gc1,everything\n", local.run("nodeattrib", "c1", "groups"));
    }

    @Test
    void errorsAreOneLineWithTheServersText() {
        ok(local.run("nodedefine", "d1"));
        assertFails(1, "Error: foo.bar attribute is invalid\n", local.run("nodeattrib", "d1", "foo.bar"));
        CliRunner.Result badRange = local.run("nodeattrib", "d1-");
        assertEquals(1, badRange.exitCode(), badRange.toString());
        assertTrue(badRange.err().startsWith("Error: ") && badRange.err().lines().count() == 1, badRange.toString());
        CliRunner.Result twice = local.run("nodedefine", "d1");
        assertEquals(1, twice.exitCode(), twice.toString());
    }

    @Test
    void renameAndRemove() {
        ok(local.run("nodegroupdefine", "ge1"));
        ok(local.run("nodedefine", "e1", "groups=ge1"));
        assertOut("e1: e2\n", local.run("noderename", "e1", "e2"));
        assertOut("ge1: ge2\n", local.run("nodegrouprename", "ge1", "ge2"));
        assertOut("e2: groups: ge2,everything\n", local.run("nodeattrib", "e2", "groups"));
        assertOut("e2: deleted\n", local.run("noderemove", "e2"));
        assertOut("ge2: deleted\n", local.run("nodegroupremove", "ge2"));
        assertEquals(List.of(), ok(local.run("nodegrouplist")).out().lines().filter(g -> g.startsWith("ge")).toList());
    }

    @Test
    void batchFileSetsSeveralNoderanges() throws Exception {
        ok(local.run("nodedefine", "f[1-3]"));
        Path file = Files.writeString(home.resolve("batch"), "# racks\nf[1-2] location.rack=1\nf3 'location.room=hall b'\n");
        assertOut("f1: location.rack: 1\nf2: location.rack: 1\nf3: location.room: hall b\n",
                local.run("nodeattrib", "-s", file.toString()));
    }

    @Test
    void httpsWithPinnedFingerprintAndPassword() {
        ok(local.run("nodedefine", "h1,h2"));
        assertOut("h3: created\n", https().run("nodedefine", "h3"));
        assertOut("h1: location.rack: 3\nh2: location.rack: 3\n",
                https().run("nodeattrib", "h1,h2", "location.rack=3"));
        assertOut("h1\nh2\nh3\n", https().run("nodelist", "h1,h2,h3"));
    }

    @Test
    void httpsTrustsOnFirstUseAndRefusesAChangedCertificate() throws Exception {
        CliRunner tofu = https().without("CONFLUENT_FINGERPRINT");
        CliRunner.Result first = ok(tofu.run("nodegrouplist"));
        assertTrue(first.err().contains(daemon.fingerprint()), first.toString());
        Path knownHosts = home.resolve(".config/confluentctl/known_hosts");
        assertEquals(List.of("127.0.0.1:" + daemon.httpsPort() + " " + daemon.fingerprint()),
                Files.readAllLines(knownHosts));
        assertEquals("", ok(tofu.run("nodegrouplist")).err());

        Files.writeString(knownHosts, "127.0.0.1:" + daemon.httpsPort() + " sha256:" + "0".repeat(64) + "\n");
        CliRunner.Result changed = tofu.run("nodegrouplist");
        assertEquals(ExitCode.UNREACHABLE, changed.exitCode(), changed.toString());
        assertTrue(changed.err().startsWith("Error: REFUSED"), changed.toString());
    }

    @Test
    void httpsRefusesAWrongFingerprintPasswordOrRole() {
        CliRunner.Result wrongPin = https().with("CONFLUENT_FINGERPRINT", "sha256:" + "1".repeat(64)).run("nodelist");
        assertEquals(ExitCode.UNREACHABLE, wrongPin.exitCode(), wrongPin.toString());
        assertTrue(wrongPin.err().contains(daemon.fingerprint()), wrongPin.toString());

        CliRunner.Result wrongPassword = https().with("CONFLUENT_PASSWORD", "nope").run("nodelist");
        assertEquals(ExitCode.DENIED, wrongPassword.exitCode(), wrongPassword.toString());
        assertTrue(wrongPassword.err().startsWith("Error: "), wrongPassword.toString());

        CliRunner monitor = https().with("CONFLUENT_USER", "watcher").with("CONFLUENT_PASSWORD", "monitorpw");
        ok(monitor.run("nodelist"));
        CliRunner.Result denied = monitor.run("nodedefine", "m1");
        assertEquals(ExitCode.DENIED, denied.exitCode(), denied.toString());
    }

    @Test
    void usersOverTheSocket() {
        assertOut("ua: created\n", local.with("CONFLUENT_NEW_PASSWORD", "pw").run("user", "add", "ua", "-r", "operator"));
        assertTrue(ok(local.run("user", "list")).out().contains("ua: operator\n"));
        assertOut("ua: password changed\n", local.answering("pw2", "pw2").without("CONFLUENT_NEW_PASSWORD")
                .run("user", "passwd", "ua"));
        ok(new CliRunner(home).with("CONFLUENT_HOST", "127.0.0.1:" + daemon.httpsPort())
                .with("CONFLUENT_FINGERPRINT", daemon.fingerprint()).with("CONFLUENT_PASSWORD", "pw2")
                .run("--user", "ua", "nodelist"));
        assertOut("ua: deleted\n", local.run("user", "remove", "ua"));
    }

    @Test
    void aLargeStreamedAnswerPrintsEveryNodeInNaturalOrder() throws Exception {
        int nodes = 5_000;
        ok(local.run("nodegroupdefine", "rackL", "location.rack=4", "location.room=hall {n1}"));
        ok(local.run("nodedefine", "L[1-" + nodes + "]", "groups=rackL", "location.u={n1}"));
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= nodes; i++) {
            expected.append("L").append(i).append(": location.rack: 4 (inherited from group rackL)\n")
                    .append("L").append(i).append(": location.u: ").append(i)
                    .append(" (derived from expression \"{n1}\")\n");
        }
        assertOut(expected.toString(), local.run("nodeattrib", "-b", "L[1-" + nodes + "]", "location.rack", "location.u"));
        CliRunner.Result json = ok(local.run("-o", "json", "nodeattrib", "rackL", "location.*"));
        JsonNode merged = new ObjectMapper().readTree(json.out());
        assertEquals(nodes, merged.size());
        assertEquals("hall 5000", merged.path("L5000").path("location.room").path("value").asText(), "5000");
    }

    @Test
    void jsonOutputForScripts() {
        ok(local.run("nodedefine", "j1", "location.rack=5"));
        CliRunner.Result json = ok(local.run("-o", "json", "nodeattrib", "j1", "location.rack"));
        assertEquals("{\"j1\":{\"location.rack\":{\"value\":\"5\"}}}", json.out().replaceAll("\\s", ""));
    }
}
