package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * nodeshell against two real sshd on loopback ports, with keys made here; node names map to
 * 127.0.0.1:PORT through an ssh_config given in CONFLUENT_SSH_OPTIONS.
 */
@Tag("slow")
class NodeShellTest {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    @RegisterExtension
    static final LocalDaemon daemon = new LocalDaemon();

    @TempDir
    static Path shared;

    private static final List<Process> sshds = new ArrayList<>();
    private static int port1;
    private static int port2;
    private static String sshOptions;

    @TempDir
    Path home;

    private CliRunner cli;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(SSHD), "these tests need sshd: apt-get install openssh-server (.ci/run does)");
        Path key = shared.resolve("id_ed25519");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", shared.resolve("hostkey").toString());
        Files.copy(shared.resolve("id_ed25519.pub"), shared.resolve("authorized_keys"));
        Files.createDirectories(Path.of("/run/sshd"));
        port1 = startSshd("one");
        port2 = startSshd("two");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String user = System.getProperty("user.name");
        Path config = shared.resolve("ssh_config");
        Files.writeString(config, """
                Host n1 n2 n3
                  HostName 127.0.0.1
                  Port %d
                Host n4
                  HostName 127.0.0.1
                  Port %d
                Host dead
                  HostName 127.0.0.1
                  Port %d
                Host *
                  User %s
                  IdentityFile %s
                  IdentitiesOnly yes
                  UserKnownHostsFile %s
                  StrictHostKeyChecking no
                  LogLevel ERROR
                """.formatted(port1, port2, closed, user, key, shared.resolve("known_hosts")));
        sshOptions = "-F " + config;
    }

    private static int startSshd(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = shared.resolve("sshd_config_" + name);
        Files.writeString(config, """
                ListenAddress 127.0.0.1
                HostKey %s
                AuthorizedKeysFile %s
                StrictModes no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                PermitRootLogin prohibit-password
                PidFile none
                SetEnv SSHD_NAME=%s
                """.formatted(shared.resolve("hostkey"), shared.resolve("authorized_keys"), name));
        Process sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString(), "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(shared.resolve("sshd_" + name + ".log").toFile()).start();
        sshds.add(sshd);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return port;
            } catch (IOException e) {
                if (!sshd.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("sshd did not start: "
                            + Files.readString(shared.resolve("sshd_" + name + ".log")), e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process sshd : sshds) {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void runner() {
        cli = daemon.cli(home).with("CONFLUENT_SSH_OPTIONS", sshOptions);
    }

    private static List<String> sortedLines(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void runsTheExpandedCommandOnEveryNodeAndReportsFailuresPerNode() {
        daemon.on("POST /noderange/n1%2Cn2%2Cn3%2Cn4%2Cdead/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"echo n1 on $SSHD_NAME; echo to stderr >&2"}},
                 {"n2":{"value":"echo n2 on $SSHD_NAME"}},
                 {"n3":{"value":"echo n3 fails; exit 7"}},
                 {"n4":{"value":"echo n4 on $SSHD_NAME"}},
                 {"dead":{"value":"echo never"}}]}""");
        CliRunner.Result result = cli.run("nodeshell", "n1,n2,n3,n4,dead", "echo", "{node}", "on", "$SSHD_NAME");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("{\"expression\":\"echo {node} on $SSHD_NAME\"}", daemon.exchanges().get(0).body());
        assertEquals(List.of("n1: n1 on one", "n2: n2 on one", "n3: n3 fails", "n4: n4 on two"),
                sortedLines(result.out()));
        List<String> errors = sortedLines(result.err());
        assertTrue(errors.contains("n1: to stderr"), result.toString());
        assertTrue(errors.contains("n3: [exit code 7]"), result.toString());
        assertTrue(errors.contains("dead: [exit code 255]"), result.toString());
        assertTrue(errors.stream().anyMatch(l -> l.startsWith("dead: ssh: connect to host 127.0.0.1 port")
                && l.endsWith("Connection refused")), result.toString());
        assertEquals(4, errors.size(), result.toString());
    }

    @Test
    void succeedsWhenEveryNodeDoesWithPortLoginAndSubstitutedNames() {
        daemon.on("GET /noderange/a%2Cb/nodes/", 200, """
                {"_links":{"item":[{"href":"a/"},{"href":"b/"}]}}""");
        daemon.on("POST /noderange/a%2Cb/attributes/expression", 200, """
                {"databynode":[{"a":{"value":"localhost"}},{"b":{"value":"127.0.0.1"}}]}""");
        CliRunner.Result result = cli.run("nodeshell", "-x", "-s", "{custom.address}", "-p", Integer.toString(port2),
                "-l", System.getProperty("user.name"), "a,b", "echo", "{node}", "$SSHD_NAME", "${SSH_CONNECTION##*", "}");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of("a: {node} two " + port2, "b: {node} two " + port2), sortedLines(result.out()));
        assertEquals("", result.err());
        assertEquals(List.of("GET /noderange/a%2Cb/nodes/",
                        "POST /noderange/a%2Cb/attributes/expression {\"expression\":\"{custom.address}\"}"),
                daemon.requests());
    }

    @Test
    void jsonOutputGathersEachNodesOutputAndStatus() throws Exception {
        daemon.on("POST /noderange/n1%2Cn4/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"echo n1 on $SSHD_NAME; echo to stderr >&2; exit 4"}},
                 {"n4":{"value":"echo n4 on $SSHD_NAME; echo second"}}]}""");
        CliRunner.Result result = cli.run("nodeshell", "-o", "json", "n1,n4", "x");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("""
                {"n1":{"stdout":["n1 on one"],"stderr":["to stderr"],"exitcode":4},\
                "n4":{"stdout":["n4 on two","second"],"stderr":[],"exitcode":0}}""",
                new ObjectMapper().readTree(result.out()).toString());
        assertEquals("", result.err());
    }

    @Test
    void maxnodesRunsWithinTheLimitOrWhenConfirmed() {
        daemon.on("GET /noderange/n1%2Cn2/nodes/", 200, """
                {"_links":{"item":[{"href":"n1/"},{"href":"n2/"}]}}""");
        daemon.on("POST /noderange/n1%2Cn2/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"echo n1 on $SSHD_NAME"}},{"n2":{"value":"echo n2 on $SSHD_NAME"}}]}""");
        CliRunner.Result within = cli.run("nodeshell", "-m", "2", "n1,n2", "x");
        assertEquals(0, within.exitCode(), within.toString());
        assertEquals(List.of("n1: n1 on one", "n2: n2 on one"), sortedLines(within.out()));
        CliRunner.Result confirmed = cli.answering("y").run("nodeshell", "-m", "1", "n1,n2", "x");
        assertEquals(0, confirmed.exitCode(), confirmed.toString());
        assertEquals(List.of("n1: n1 on one", "n2: n2 on one"), sortedLines(confirmed.out()));
    }

    @Test
    void boundsTheFanOutAndCanDropThePrefix() {
        StringBuilder answer = new StringBuilder("{\"databynode\":[");
        for (int i = 1; i <= 3; i++) {
            answer.append(i == 1 ? "" : ",").append("{\"n").append(i).append("\":{\"value\":\"sleep 0.5; echo n").append(i)
                    .append("\"}}");
        }
        daemon.on("POST /noderange/n%5B1-3%5D/attributes/expression", 200, answer.append("]}").toString());
        long started = System.nanoTime();
        CliRunner.Result result = cli.run("nodeshell", "-n", "-c", "1", "n[1-3]", "x");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("n1\nn2\nn3\n", result.out(), "one at a time, so in order");
        assertTrue(millis >= 1500, "one at a time took " + millis + " ms");
    }
}
