package org.confluentcollective.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.confluentcollective.cli.CliRunner;

/**
 * One real confluentd member in a JVM of its own (ZooKeeper's TLS settings are JVM-wide, and a
 * kill -9 must kill a whole member), on loopback with fixed ports so that it comes back on the
 * same ones. Driven with the real confluentctl over the member's root socket. Free of JUnit, as
 * the collective benchmark and the fault suite drive their members with it too.
 */
public final class MemberProcess implements AutoCloseable {

    /** For short-lived test members: a small heap and quick start-up. */
    public static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String DAEMON = "org.confluentcollective.web.Confluentd";

    public final String name;
    public final Path dir;
    public final int httpsPort;
    public final int memberPort;
    public final int clientPort;
    public final int quorumPort;
    public final int electionPort;
    /** The deployment HTTP port (boot scripts, profile files, {@code /self/}). */
    public final int deployHttpPort;
    private final List<String> jvmOptions;
    private final List<String> settings = new ArrayList<>();
    private final OptionalInt groupId;
    private Process process;

    public MemberProcess(Path root, String name) throws IOException {
        this(root, name, name, TEST_JVM);
    }

    /** A member named {@code name} on a machine of its own ({@code root/machine}). */
    public MemberProcess(Path root, String name, String machine, List<String> jvmOptions) throws IOException {
        this(root, name, machine, jvmOptions, OptionalInt.empty());
    }

    /**
     * A member whose JVM runs under group id {@code groupId} (with {@code setpriv}, as root): on one
     * host, the group is what firewall rules can tell members' connections apart by, since they
     * all leave from 127.0.0.1 (see the fault suite's partitions).
     */
    public MemberProcess(Path root, String name, String machine, List<String> jvmOptions, OptionalInt groupId)
            throws IOException {
        this.name = name;
        this.dir = root.resolve(machine);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.groupId = groupId;
        Files.createDirectories(dir);
        int[] ports = FreePorts.take(6);
        this.httpsPort = ports[0];
        this.memberPort = ports[1];
        this.clientPort = ports[2];
        this.quorumPort = ports[3];
        this.electionPort = ports[4];
        this.deployHttpPort = ports[5];
    }

    /**
     * Adds configuration lines ({@code key=value}) for the next launches; later ones override
     * the defaults this class writes (the deployment services, say).
     */
    public MemberProcess withSettings(String... lines) {
        settings.addAll(List.of(lines));
        return this;
    }

    /** This member's deployment root. */
    public Path deployRoot() {
        return dir.resolve("deploy");
    }

    public Path socket() {
        return dir.resolve("run").resolve("api.sock");
    }

    /** Starts the process and waits until its API answers. */
    public MemberProcess start() throws Exception {
        launch();
        awaitReady();
        return this;
    }

    /**
     * Waits until the API answers: a member only serves once its ZooKeeper peer has found a
     * quorum, so members of a stopped collective are launched together, then awaited.
     */
    public JsonNode awaitReady() throws Exception {
        return awaitStatus(status -> true, START_TIMEOUT);
    }

    /** Starts the process without waiting for it, with extra confluentd arguments. */
    public void launch(String... daemonArgs) throws IOException {
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
                "deploy.root=" + deployRoot(),
                "deploy.http.address=127.0.0.1",
                "deploy.http.port=" + deployHttpPort,
                String.join("\n", settings),
                ""));
        List<String> command = new ArrayList<>();
        groupId.ifPresent(gid -> command.addAll(List.of("setpriv", "--regid=" + gid, "--clear-groups")));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", memberClassPath(), DAEMON, "--config", config.toString()));
        command.addAll(List.of(daemonArgs));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("confluentd.log").toFile()))
                .start();
    }

    /** kill -9: no shutdown hook, no goodbye to the other members. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM: a clean stop. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** kill -STOP: the whole JVM freezes, sockets stay open (a hung member, as seen from outside). */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** kill -CONT after {@link #pause}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + name + " " + pid() + " failed with " + exit);
        }
    }

    /** The member's JVM (setpriv execs it, so its pid is the launched process's). */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never launched");
        }
        return process.pid();
    }

    public OptionalInt groupId() {
        return groupId;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** CPU time the member's process has used so far (all its threads), in nanoseconds. */
    public long cpuNanos() {
        return process == null ? 0 : process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    public CliRunner.Result ctl(String... args) {
        return ctl(Map.of(), args);
    }

    /** Runs confluentctl in-process against this member's socket, with extra environment variables. */
    public CliRunner.Result ctl(Map<String, String> variables, String... args) {
        CliRunner runner = new CliRunner(dir).with("CONFLUENT_SOCKET", socket().toString());
        variables.forEach(runner::with);
        return runner.run(args);
    }

    public CliRunner.Result ctlWithInput(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return ctl(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** Runs confluentctl and insists it succeeds. */
    public CliRunner.Result ok(String... args) {
        return ok(Map.of(), args);
    }

    public CliRunner.Result ok(Map<String, String> variables, String... args) {
        CliRunner.Result result = ctl(variables, args);
        if (result.exitCode() != 0) {
            throw new AssertionError(name + ": confluentctl " + String.join(" ", args) + " failed\n" + result
                    + "\n--- log tail of " + name + "\n" + logTail());
        }
        return result;
    }

    public JsonNode status() throws IOException {
        CliRunner.Result result = ctl("collective", "show", "-o", "json");
        if (result.exitCode() != 0) {
            throw new IOException(result.toString());
        }
        return JSON.readTree(result.out());
    }

    /** Waits until this member's {@code collective show} satisfies {@code condition}. */
    public JsonNode awaitStatus(Predicate<JsonNode> condition, Duration timeout) throws Exception {
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
            Thread.sleep(100);
        }
        throw new AssertionError(name + ": collective show did not reach the expected state in "
                + timeout.toSeconds() + " s; last: " + last + "\nlog tail:\n" + logTail());
    }

    /** Whether {@code status} shows a quorum and exactly {@code members} members, all live. */
    public static boolean formed(JsonNode status, int members) {
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

    /** Invites {@code joiner} here and joins it: the whole user procedure. */
    public void admit(MemberProcess joiner) {
        String token = ok("collective", "invite", joiner.name).out().strip();
        joiner.ok("collective", "join", "127.0.0.1:" + httpsPort, "-i", token);
    }

    /** Everything a member holds about nodes and groups, as JSON text (for comparing members). */
    public String dump() {
        return ok("nodeattrib", "everything", "-o", "json").out() + ok("nodegrouplist", "-o", "json").out();
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("confluentd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String logTail() {
        String log = log();
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** This JVM's class path without confluentctl's silent logger, so the member logs like a real one. */
    private static String memberClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-nop"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
