package org.confluentcollective.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ConfluentCtl;
import org.confluentcollective.cli.Environment;
import org.confluentcollective.cli.Prompter;
import org.confluentcollective.web.Confluentd;

/**
 * One real confluentd member in a JVM of its own, on loopback with fixed, pre-chosen ports (a
 * joiner restarts itself and must come back on the same ones). Driven with confluentctl run
 * in-process over the member's root socket.
 */
final class MemberLauncher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final Path dir;
    final int httpsPort;
    final int memberPort;
    final int clientPort;
    final int quorumPort;
    final int electionPort;
    private Process process;

    MemberLauncher(Path root, String name) throws IOException {
        this.name = name;
        this.dir = root.resolve(name);
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

    /** Starts the process without waiting for it; its output goes to {@code confluentd.log}. */
    void launch(String heap) throws IOException {
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
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", memberClassPath(),
                Confluentd.class.getName(), "--config", config.toString());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("confluentd.log").toFile()))
                .start();
    }

    /** Waits until the member's API answers {@code collective show} on its socket. */
    JsonNode awaitReady(Duration timeout) throws Exception {
        return awaitStatus(status -> true, timeout);
    }

    /** CPU time the member's process has used so far (all its threads), in nanoseconds. */
    long cpuNanos() {
        return process == null ? 0 : process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** What one confluentctl run produced. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs confluentctl in-process against this member's socket. */
    Result ctl(Map<String, String> extraVariables, String... args) {
        Map<String, String> variables = new HashMap<>(extraVariables);
        variables.put("CONFLUENT_SOCKET", socket().toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Prompter noPrompts = (prompt, alternative) -> {
            throw new CliException("the benchmark does not answer prompts: " + prompt);
        };
        int code = ConfluentCtl.run(new Environment(variables, dir, noPrompts), new PrintWriter(out),
                new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs confluentctl and insists it succeeds. */
    Result ok(String... args) {
        return ok(Map.of(), args);
    }

    Result ok(Map<String, String> variables, String... args) {
        Result result = ctl(variables, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(name + ": confluentctl " + String.join(" ", args) + " failed\n" + result
                    + "\n--- log tail of " + name + "\n" + logTail());
        }
        return result;
    }

    JsonNode status() throws IOException {
        Result result = ctl(Map.of(), "collective", "show", "-o", "json");
        if (result.exitCode() != 0) {
            throw new IOException(result.toString());
        }
        return JSON.readTree(result.out());
    }

    /** Polls {@code collective show -o json} until it satisfies {@code condition}. */
    JsonNode awaitStatus(Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log tail:\n"
                        + logTail());
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
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + ": collective show did not reach the expected state in "
                + timeout.toSeconds() + " s; last: " + last + "\nlog tail:\n" + logTail());
    }

    /** Whether {@code status} shows a quorum and exactly {@code members} members, all live. */
    static boolean formed(JsonNode status, int members) {
        if (!status.path("quorum").asBoolean() || status.path("members").size() != members) {
            return false;
        }
        for (JsonNode member : status.path("members")) {
            if (!member.path("live").asBoolean()) {
                return false;
            }
        }
        return true;
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

    /**
     * The benchmark's own class path: the bench jar and {@code bench/target/lib/*} when run from
     * the jar (as {@code bench/run} does), else whatever this JVM was started with.
     */
    private static String memberClassPath() {
        try {
            Path code = Path.of(MemberLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code) && Files.isDirectory(code.resolveSibling("lib"))) {
                return code + File.pathSeparator + code.resolveSibling("lib") + File.separator + "*";
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to this JVM's class path
        }
        return System.getProperty("java.class.path");
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
