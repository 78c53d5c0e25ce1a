package org.confluentcollective.testkit.bmc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.confluentcollective.testkit.FreePorts;

/**
 * One emulated Redfish BMC (sushy-tools' fake driver, HTTP Basic, self-signed TLS) in a process of
 * its own, on a free loopback port, with a state directory of its own that {@link #close} removes.
 * The emulator script is {@code confluent.redfish-bmc} if set, else
 * {@code ../shared/vendor/sushy-tools/redfish-bmc} beside the repository.
 */
public final class RedfishSimulator implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "secret";
    private static final String SCRIPT_PROPERTY = "confluent.redfish-bmc";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Path script;
    private final String name;
    private final String mac;
    private final Path stateDir;
    private int port;
    private Process process;

    private RedfishSimulator(Path script, String name, String mac, Path stateDir) {
        this.script = script;
        this.name = name;
        this.mac = mac;
        this.stateDir = stateDir;
    }

    /** Starts a BMC whose system is named {@code name} (its UUID derives from it) with one NIC {@code mac}. */
    public static RedfishSimulator start(String name, String mac) throws IOException, InterruptedException {
        RedfishSimulator simulator = new RedfishSimulator(script(), name, mac,
                Files.createTempDirectory("redfish-bmc-" + name + "-"));
        try {
            simulator.launchOnFreePort();
        } catch (IOException | InterruptedException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        return simulator;
    }

    /**
     * Stops the BMC and starts it again on the same port and state (power, boot settings): it
     * comes back with a new self-signed certificate, as a BMC whose certificate was replaced.
     */
    public void restart() throws IOException, InterruptedException {
        stop();
        Files.deleteIfExists(stateDir.resolve("bmc.crt"));
        Files.deleteIfExists(stateDir.resolve("bmc.key"));
        launch();
        awaitPort();
    }

    /** {@code 127.0.0.1:port}, as {@code hardwaremanagement.manager} names it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public String mac() {
        return mac;
    }

    /** The certificate the BMC presents now (PEM). */
    public Path certificate() {
        return stateDir.resolve("bmc.crt");
    }

    /** The system's UUID, as the script derives it from the name: a version 5 UUID in the DNS namespace. */
    public UUID systemUuid() {
        return uuid5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), name);
    }

    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes(namespace.getMostSignificantBits()));
            sha1.update(bytes(namespace.getLeastSignificantBits()));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (hash[i] & 0xff);
                low = (low << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(high, low);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-1 in this JVM", e);
        }
    }

    private static byte[] bytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>= 8;
        }
        return bytes;
    }

    /** The emulator's output so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(logFile());
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Another test may take the port between choosing it and the emulator binding it: then try another. */
    private void launchOnFreePort() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            port = FreePorts.take();
            launch();
            try {
                awaitPort();
                return;
            } catch (IOException e) {
                last = e;
                stop();
            }
        }
        throw last;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(script.toString(), "--port", Integer.toString(port), "--address", "127.0.0.1",
                "--user", USER, "--password", PASSWORD, "--tls", "--name", name, "--mac", mac,
                "--state-dir", stateDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
    }

    private Path logFile() {
        return stateDir.resolve("emulator.log");
    }

    private void awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the Redfish emulator " + name + " exited with " + process.exitValue()
                        + "; log:\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("the Redfish emulator " + name + " did not listen on " + port + " within "
                + START_TIMEOUT.toSeconds() + " s; log:\n" + log());
    }

    /** Stops the process and whatever it started (openssl, python). */
    private void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
        process.waitFor();
        process = null;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The emulator script: the system property, else the vendored one beside the repository. */
    private static Path script() {
        String configured = System.getProperty(SCRIPT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(SCRIPT_PROPERTY + "=" + configured + " is not an executable file");
            }
            return path;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        // from a module's directory or the repository's (/work/main or a worktree beside /work/shared)
        // then where the development machines keep it, for a clone made elsewhere (CI)
        Optional<Path> found = Stream.concat(Stream.iterate(start, dir -> dir != null, Path::getParent)
                        .map(dir -> dir.resolve("../shared/vendor/sushy-tools/redfish-bmc").normalize()),
                        Stream.of(Path.of("/work/shared/vendor/sushy-tools/redfish-bmc")))
                .filter(Files::isExecutable)
                .findFirst();
        return found.orElseThrow(() -> new IllegalStateException("no Redfish emulator: ../shared/vendor/sushy-tools/"
                + "redfish-bmc is not beside the repository (looked up from " + start + "); set -D"
                + SCRIPT_PROPERTY + "=/path/to/redfish-bmc"));
    }
}
