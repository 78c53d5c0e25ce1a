package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.confluentcollective.server.trust.MemberIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Messages that used to mislead: what confluentctl says instead, and that it never shows Java internals. */
class MessagesTest {

    @RegisterExtension
    static final LocalDaemon daemon = new LocalDaemon();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = daemon.cli(dir);
    }

    private static void assertNoInternals(CliRunner.Result result) {
        String all = result.out() + result.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("org.confluentcollective")
                || all.contains("picocli") || all.contains("Unmatched"), result.toString());
    }

    @Test
    void anUnknownCommandNamesTheNearestOnes() {
        CliRunner.Result result = cli.run("nodeatrib", "n1", "location.rack");
        assertEquals(ExitCode.USAGE, result.exitCode(), result.toString());
        assertEquals("Error: unknown command 'nodeatrib' (did you mean nodeattrib?)\n"
                + "Try 'confluentctl --help' for more information.\n", result.err());
        assertNoInternals(result);
        assertEquals("Error: unknown command 'nodelsit' (did you mean nodelist?)",
                cli.run("nodelsit").err().lines().findFirst().orElseThrow());
        assertEquals("Error: unknown command 'frobnicate'", cli.run("frobnicate").err().lines().findFirst().orElseThrow());
        assertEquals("Error: unknown command 'ad' of 'confluentctl user' (did you mean add?)",
                cli.run("user", "ad", "alice").err().lines().findFirst().orElseThrow());
        assertEquals("Error: unexpected arguments 'n2' 'n3'",
                cli.run("noderemove", "n1", "n2", "n3").err().lines().findFirst().orElseThrow());
        assertEquals(List.of(), daemon.exchanges());
    }

    @Test
    void anUnknownAttributeGetsTheServersSuggestions() {
        daemon.on("PUT /noderange/n1/attributes/all", 400, """
                {"errorcode":400,"error":"location.rak attribute is invalid","suggestions":["location.rack"]}""");
        CliRunner.Result result = cli.run("nodeattrib", "n1", "location.rak=7");
        assertEquals(ExitCode.FAILED, result.exitCode(), result.toString());
        assertEquals("Error: location.rak attribute is invalid (did you mean location.rack?)\n", result.err());
    }

    @Test
    void aNoderangeTooLongForAUrlIsRefusedNamingTheLimit() {
        String noderange = "n" + "1".repeat(99_999);
        CliRunner.Result result = cli.run("nodeattrib", noderange, "location.rack");
        assertEquals(ExitCode.FAILED, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("Error: the request is too long to send: its path is 1000"),
                result.toString());
        assertTrue(result.err().contains("8 KiB") && result.err().contains("8,192 characters"), result.toString());
        assertFalse(result.err().contains("is it running"), result.toString());
        assertEquals(1, result.err().lines().count(), result.toString());
        assertEquals(List.of(), daemon.exchanges(), "nothing is sent");
    }

    @Test
    void aSocketThisUserMayNotReachIsAPermissionProblem() throws Exception {
        assumeTrue("0".equals(run("id", "-u").strip()) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root, to run confluentctl as nobody");
        Path rootOnly = Files.createDirectory(dir.resolve("run"));
        Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rwx------"));
        Path socket = rootOnly.resolve("api.sock");
        try (ScriptedDaemon rootDaemon = new ScriptedDaemon(socket,
                MemberIdentity.loadOrCreate(dir.resolve("identity"), "mgmt1", List.of(), List.of()))) {
            Path classPath = readableClassPath(Files.createDirectory(dir.resolve("cp")));
            Process ctl = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    javaCommand(), "-cp", classPath.resolve("*") + File.pathSeparator + classPath.resolve("classes"),
                    ConfluentCtl.class.getName(), "--socket", socket.toString(), "nodelist")
                    .redirectErrorStream(true).start();
            assertTrue(ctl.waitFor(60, TimeUnit.SECONDS));
            String output = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(ExitCode.UNREACHABLE, ctl.exitValue(), output);
            assertEquals("Error: permission denied on " + socket + ": the local socket is for root: run as root"
                    + " (sudo), or reach a member with --host HOST --user NAME\n", output);
            assertEquals(List.of(), rootDaemon.exchanges());
        }
    }

    @Test
    void ctrlCDuringAChangeSaysItMayHaveBeenMade() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        daemon.onStreamed("POST /noderange/", pieces -> {
            release.await(60, TimeUnit.SECONDS); // the nodes are created; the answer has not left yet
            pieces.send("{\"created\":[\"n1\"]}");
        });
        try {
            Interrupted run = interruptWhenSent("POST", "nodedefine", "n[1-1000]", "groups=everything");
            assertEquals(130, run.status(), run.output());
            assertEquals("\n" + "interrupted: the change may have been applied; check with nodelist/nodeattrib\n",
                    run.output());
        } finally {
            release.countDown();
        }
    }

    @Test
    void ctrlCDuringAReadEndsQuietly() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        daemon.onStreamed("GET /noderange/n1/nodes/", pieces -> {
            release.await(60, TimeUnit.SECONDS);
            pieces.send("{\"_links\":{\"item\":[{\"href\":\"n1/\"}]}}");
        });
        try {
            Interrupted run = interruptWhenSent("GET", "nodelist", "n1");
            assertEquals(130, run.status(), run.output());
            assertEquals("", run.output());
        } finally {
            release.countDown();
        }
    }

    private record Interrupted(int status, String output) {
    }

    /** Runs confluentctl in a JVM of its own and sends it SIGINT once its request has reached the daemon. */
    private Interrupted interruptWhenSent(String method, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", javaCommand(),
                "-cp", System.getProperty("java.class.path"), ConfluentCtl.class.getName(),
                "--socket", daemon.socket().toString()));
        command.addAll(List.of(args));
        Path output = dir.resolve("output");
        Process ctl = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (daemon.exchanges().stream().noneMatch(e -> e.method().equals(method))) {
            assertTrue(ctl.isAlive(), () -> "ended early: " + read(output));
            assertTrue(System.nanoTime() < deadline, "the request never arrived");
            Thread.sleep(20);
        }
        run("kill", "-INT", Long.toString(ctl.pid()));
        assertTrue(ctl.waitFor(30, TimeUnit.SECONDS), "still running after SIGINT");
        return new Interrupted(ctl.exitValue(), read(output));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /** confluentctl's classes and the jars it needs, copied where another user may read them. */
    private static Path readableClassPath(Path target) throws IOException {
        Files.setPosixFilePermissions(target.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (name.startsWith("picocli") || name.startsWith("jackson")) {
                Files.copy(path, target.resolve(name));
            } else if (path.endsWith(Path.of("cli", "target", "classes"))) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.copy(file, target.resolve("classes").resolve(path.relativize(file).toString()));
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                        Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return target;
    }
}
