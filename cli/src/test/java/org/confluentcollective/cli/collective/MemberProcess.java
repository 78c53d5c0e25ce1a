package org.confluentcollective.cli.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.web.Confluentd;

/**
 * One real confluentd member in a JVM of its own (ZooKeeper's TLS settings are JVM-wide, and a
 * kill -9 must kill a whole member), on loopback with fixed ports so that it comes back on the
 * same ones. Driven with the real confluentctl over the member's root socket.
 */
final class MemberProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    final String name;
    final Path dir;
    final int httpsPort;
    final int memberPort;
    final int clientPort;
    final int quorumPort;
    final int electionPort;
    private Process process;

    MemberProcess(Path root, String name) throws IOException {
        this(root, name, name);
    }

    /** A member named {@code name} on a machine of its own ({@code root/machine}). */
    MemberProcess(Path root, String name, String machine) throws IOException {
        this.name = name;
        this.dir = root.resolve(machine);
        Files.createDirectories(dir);
        int[] ports = freePorts(5);
        this.httpsPort = ports[0];
        this.memberPort = ports[1];
        this.clientPort = ports[2];
        this.quorumPort = ports[3];
        this.electionPort = ports[4];
    }

    Path socket() {
        return dir.resolve("run").resolve("api.sock");
    }

    /** Starts the process and waits until its API answers. */
    MemberProcess start() throws Exception {
        launch();
        awaitReady();
        return this;
    }

    /**
     * Waits until the API answers: a member only serves once its ZooKeeper peer has found a
     * quorum, so members of a stopped collective are launched together, then awaited.
     */
    void awaitReady() throws Exception {
        awaitStatus(status -> true, START_TIMEOUT);
    }

    /** Starts the process without waiting for it, with extra confluentd arguments. */
    void launch(String... daemonArgs) throws IOException {
        Path config = dir.resolve("confluentd.properties");
        Files.writeString(config, String.join("\n",
                "member.name=" + name,
                "state.dir=" + dir.resolve("state"),
                "api.https.address=127.0.0.1",
                "api.https.port=" + httpsPort,
                "api.socket=" + socket(),
                "zookeeper.address=127.0.0.1",
                "zookeeper.client.port=" + clientPort,
                "zookeeper.quorum.port=" + quorumPort,
                "zookeeper.election.port=" + electionPort,
                "member.port=" + memberPort,
                ""));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", memberClassPath(),
                Confluentd.class.getName(), "--config", config.toString()));
        command.addAll(List.of(daemonArgs));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("confluentd.log").toFile()))
                .start();
    }

    /** kill -9: no shutdown hook, no goodbye to the other members. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM: a clean stop. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    CliRunner.Result ctl(String... args) {
        return new CliRunner(dir).with("CONFLUENT_SOCKET", socket().toString()).run(args);
    }

    CliRunner.Result ctlWithInput(String input, String... args) {
        java.io.InputStream saved = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return ctl(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** Runs confluentctl and insists it succeeds. */
    CliRunner.Result ok(String... args) {
        CliRunner.Result result = ctl(args);
        if (result.exitCode() != 0) {
            assertEquals(0, result.exitCode(), name + ": confluentctl " + String.join(" ", args) + "\n" + result
                    + "\n--- log tail of " + name + "\n" + logTail());
        }
        return result;
    }

    JsonNode status() throws IOException {
        CliRunner.Result result = ctl("collective", "show", "-o", "json");
        if (result.exitCode() != 0) {
            throw new IOException(result.toString());
        }
        return JSON.readTree(result.out());
    }

    /** Waits until this member's {@code collective show} satisfies {@code condition}. */
    JsonNode awaitStatus(Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + log());
            }
            try {
                JsonNode status = status();
                if (condition.test(status)) {
                    return status;
                }
                last = status.toString();
            } catch (IOException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + ": collective show did not reach the expected state in "
                + timeout.toSeconds() + " s; last: " + last + "\nlog tail:\n" + logTail());
    }

    /** Invites {@code joiner} here and joins it: the whole user procedure. */
    void admit(MemberProcess joiner) {
        String token = ok("collective", "invite", joiner.name).out().strip();
        joiner.ok("collective", "join", "127.0.0.1:" + httpsPort, "-i", token);
    }

    /** Everything a member holds about nodes and groups, as JSON text (for comparing members). */
    String dump() {
        return ok("nodeattrib", "everything", "-o", "json").out() + ok("nodegrouplist", "-o", "json").out();
    }

    String log() {
        try {
            return Files.readString(dir.resolve("confluentd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String logTail() {
        String log = log();
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The test class path without confluentctl's silent logger, so the member logs like a real one. */
    private static String memberClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-nop"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
