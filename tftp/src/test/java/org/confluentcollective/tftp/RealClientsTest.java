package org.confluentcollective.tftp;

import static org.confluentcollective.tftp.ServerFixture.randomFile;
import static org.confluentcollective.tftp.ServerFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Debian's curl, atftp and tftp-hpa against the server (apt: curl atftp tftp-hpa). */
@Tag("slow")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealClientsTest {

    @TempDir
    Path dir;
    Path root;
    Path out;
    TftpServer server;

    @BeforeEach
    void start() throws IOException {
        for (String tool : List.of("curl", "atftp", "tftp")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
        root = Files.createDirectories(dir.resolve("root"));
        out = Files.createDirectories(dir.resolve("out"));
        server = ServerFixture.start(ServerFixture.settings(root).withTimeout(java.time.Duration.ofSeconds(1), 5));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String port() {
        return Integer.toString(server.port());
    }

    private List<String> curl(String file, Path to, String... extra) {
        List<String> c = new ArrayList<>(List.of("curl", "-sS", "-o", to.toString()));
        c.addAll(List.of(extra));
        c.add("tftp://127.0.0.1:" + port() + "/" + file);
        return c;
    }

    private List<String> atftp(String file, Path to, String... options) {
        List<String> c = new ArrayList<>(List.of("atftp"));
        for (String o : options) {
            c.addAll(List.of("--option", o));
        }
        c.addAll(List.of("--get", "-r", file, "-l", to.toString(), "127.0.0.1", port()));
        return c;
    }

    private List<String> tftpHpa(String file, Path to) {
        return List.of("tftp", "-m", "binary", "127.0.0.1", port(), "-c", "get", file, to.toString());
    }

    @Test
    void everyClientGetsByteIdenticalFiles() throws Exception {
        for (long size : new long[] {0, 511, 512, 513, 1 << 20}) {
            String name = "f" + size;
            String expected = sha256(randomFile(root, name, size));
            Map<Path, List<String>> commands = new LinkedHashMap<>();
            commands.put(out.resolve("curl"), curl(name, out.resolve("curl"), "--tftp-blksize", "1428"));
            commands.put(out.resolve("curl512"), curl(name, out.resolve("curl512")));
            commands.put(out.resolve("atftp"), atftp(name, out.resolve("atftp"), "blksize 1428", "tsize 0"));
            commands.put(out.resolve("atftpw"), atftp(name, out.resolve("atftpw"), "blksize 1428", "windowsize 8"));
            commands.put(out.resolve("hpa"), tftpHpa(name, out.resolve("hpa")));
            for (Map.Entry<Path, List<String>> command : commands.entrySet()) {
                Run run = run(command.getValue());
                assertEquals(0, run.exit, command.getValue() + ": " + run.output);
                Path got = command.getKey();
                if (size == 0 && !Files.exists(got)) {
                    Files.createFile(got); // curl creates no file when no byte arrives
                }
                assertEquals(expected, sha256(got), command.getValue().toString());
                Files.delete(got);
            }
        }
        assertEquals(25, ServerFixture.await(server.metrics()::transfersCompleted, 25));
    }

    @Test
    void atftpSeesTheNegotiatedOptions() throws Exception {
        randomFile(root, "f", 100_000);
        Run run = run(List.of("atftp", "--trace", "--option", "blksize 1428", "--option", "tsize 0",
                "--option", "windowsize 8", "--get", "-r", "f", "-l", out.resolve("f").toString(), "127.0.0.1", port()));
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.contains("received OACK <tsize: 100000, blksize: 1428, windowsize: 8, >")
                || run.output.matches("(?s).*received OACK <[^>]*tsize: 100000.*"), run.output);
        assertTrue(run.output.contains("sent ACK <block: 8>"), "one ACK per window of 8");
        assertTrue(!run.output.contains("sent ACK <block: 7>"), "no ACK inside the window");
    }

    @Test
    void blockNumbersRollOverForRealClients() throws Exception {
        long size = 65_600L * 512 + 300; // 33.6 MB, 65601 blocks of 512
        String expected = sha256(randomFile(root, "rollover", size));
        for (List<String> command : List.of(tftpHpa("rollover", out.resolve("hpa")),
                curl("rollover", out.resolve("curl")))) {
            Run run = run(command);
            assertEquals(0, run.exit, command + ": " + run.output);
        }
        assertEquals(expected, sha256(out.resolve("hpa")), "tftp-hpa");
        assertEquals(expected, sha256(out.resolve("curl")), "curl");
    }

    @Test
    void escapesAreRefusedWithTheRightError() throws Exception {
        Files.writeString(dir.resolve("secret"), "secret");
        Files.createSymbolicLink(root.resolve("link"), dir.resolve("secret"));
        assertTrue(run(tftpHpa("../etc/passwd", out.resolve("a"))).output.contains("Error code 2: Access violation"));
        assertTrue(run(tftpHpa("/etc/passwd", out.resolve("b"))).output.contains("Error code 1: File not found"));
        assertTrue(run(tftpHpa("link", out.resolve("c"))).output.contains("Error code 2: Access violation"));
        Run a = run(atftp("../etc/passwd", out.resolve("d"), "blksize 1428"));
        assertNotEquals(0, a.exit);
        assertTrue(a.output.contains("<Access violation: '..' in path>"), a.output);
        Run c = run(curl("link", out.resolve("e"), "-v"));
        assertNotEquals(0, c.exit);
        assertTrue(c.output.contains("TFTP error") || c.output.contains("Access violation")
                || c.output.contains("getpeername"), c.output);
        assertEquals(5, server.metrics().refusals());
        for (String name : List.of("a", "b", "c", "d", "e")) {
            Path p = out.resolve(name);
            assertTrue(!Files.exists(p) || Files.size(p) == 0, name + " got content");
        }
    }

    @Test
    void fiftyParallelCurlDownloadsAreByteIdentical() throws Exception {
        String expected = sha256(randomFile(root, "kernel", 2 << 20));
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            processes.add(new ProcessBuilder(curl("kernel", out.resolve("k" + i), "--tftp-blksize", "1428"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (int i = 0; i < 50; i++) {
            Process p = processes.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "curl " + i + " finished");
            assertEquals(0, p.exitValue(), "curl " + i);
            assertEquals(expected, sha256(out.resolve("k" + i)), "curl " + i);
        }
        assertEquals(50, ServerFixture.await(server.metrics()::transfersCompleted, 50));
        assertEquals(0, server.metrics().busyRefusals());
    }

    record Run(int exit, String output) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " timed out");
        }
        return new Run(p.exitValue(), output);
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
