package org.confluentcollective.testkit.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.confluentcollective.cli.ConfluentCtl;
import org.confluentcollective.testkit.MemberProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent-style shell scripts ({@code src/test/resources/compat/*.sh}) against a real confluentd
 * in a JVM of its own, with the original tool names on PATH: the wrapper scripts of
 * {@code cli/src/main/scripts} and the real launcher, installed as {@code bin/} + {@code lib/*.jar}
 * from this test's class path (confluentctl's classes jarred when they are a directory, as in a
 * reactor build). Each script runs with {@code bash}, stderr merged into stdout, in a directory of
 * its own; its output must equal {@code NAME.out}. A mismatch leaves the output in {@code target/compat-actual/NAME.actual} and
 * in the failure message.
 */
@Tag("slow")
class CompatScriptsTest {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path root;

    private static MemberProcess member;
    private static Path install;

    @BeforeAll
    static void start() throws Exception {
        install = installLauncher(root.resolve("install"));
        member = new MemberProcess(root, "m1").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (member != null) {
            member.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> scripts() throws Exception {
        Path dir = Path.of(CompatScriptsTest.class.getResource("/compat").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(f -> f.toString().endsWith(".sh")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no scripts in " + dir);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> run(script)));
    }

    private static void run(Path script) throws Exception {
        String name = script.getFileName().toString().replaceFirst("\\.sh$", "");
        Path work = Files.createDirectories(root.resolve("work").resolve(name));
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec 2>&1 </dev/null; set -u; . \"$0\"",
                script.toString()).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("CONFLUENT"));
        env.put("PATH", install.resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", work.toString());
        env.put("CONFLUENT_SOCKET", member.socket().toString());
        env.put("COMPAT_SOCKET", member.socket().toString());
        env.put("COMPAT_BIN", install.resolve("bin").toString());
        env.put("LC_ALL", "C");
        long started = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS), name + " did not end");
        String actual = new String(output, StandardCharsets.UTF_8);
        String expected = Files.readString(script.resolveSibling(name + ".out"));
        if (!expected.equals(actual)) {
            Path actualDir = Files.createDirectories(Path.of("target", "compat-actual"));
            Files.writeString(actualDir.resolve(name + ".actual"), actual);
        }
        System.out.printf("compat %s: %.1f s%n", name, (System.nanoTime() - started) / 1e9);
        assertEquals(expected, actual, name + " (exit " + process.exitValue() + ")");
    }

    /** {@code bin/confluentctl} and the wrappers, {@code lib/} the jars, as an installation. */
    private static Path installLauncher(Path home) throws IOException, URISyntaxException {
        Path scripts = repository().resolve("cli/src/main/scripts");
        Path bin = Files.createDirectories(home.resolve("bin"));
        try (Stream<Path> files = Files.list(scripts)) {
            for (Path script : files.toList()) {
                Path copy = Files.copy(script, bin.resolve(script.getFileName()));
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Path lib = Files.createDirectories(home.resolve("lib"));
        Path cli = Path.of(ConfluentCtl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(cli)) {
            jar(cli, lib.resolve("cli.jar"));
        } else {
            Files.createSymbolicLink(lib.resolve("cli.jar"), cli);
        }
        // confluentctl logs nowhere (slf4j-nop); a second provider would print SLF4J warnings
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String file = jar.getFileName().toString();
            if (file.endsWith(".jar") && !file.startsWith("logback-") && Files.isRegularFile(jar)
                    && !Files.exists(lib.resolve(file))) {
                Files.createSymbolicLink(lib.resolve(file), jar);
            }
        }
        return home;
    }

    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cli/src/main/scripts/confluentctl"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cli/src/main/scripts not found above " + Path.of("").toAbsolutePath());
    }

    private static void jar(Path classes, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out)) {
            for (Path file : files) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
    }
}
