package org.confluentcollective.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.confluentcollective.server.trust.MemberIdentity;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link ScriptedDaemon} shared by the tests of one class, with a fresh script for each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalDaemon daemon = new LocalDaemon();
 *
 * @TempDir
 * Path dir;
 *
 * @Test
 * void nodelist() {
 *     daemon.on("GET /nodes/", 200, "...");
 *     CliRunner.Result result = daemon.cli(dir).run("nodelist");
 * }
 * }</pre>
 *
 * Before all tests it starts the daemon in a directory of its own (its Unix socket and member identity);
 * before each test it forgets the script and the recorded requests; after all tests it stops the daemon
 * and deletes the directory.
 */
final class LocalDaemon implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private Path dir;
    private ScriptedDaemon daemon;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("confluentctl-daemon");
        daemon = new ScriptedDaemon(dir.resolve("api.sock"),
                MemberIdentity.loadOrCreate(dir.resolve("identity"), "mgmt1", List.of(), List.of()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        daemon.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            if (dir != null) {
                deleteRecursively(dir);
            }
        }
    }

    /** A confluentctl with its home in {@code home} that talks to this daemon over its Unix socket. */
    CliRunner cli(Path home) {
        return new CliRunner(home).with("CONFLUENT_SOCKET", socket().toString());
    }

    Path socket() {
        return daemon.socket();
    }

    /** See {@link ScriptedDaemon#on}. */
    LocalDaemon on(String methodAndTarget, int status, String json) {
        daemon.on(methodAndTarget, status, json);
        return this;
    }

    /** See {@link ScriptedDaemon#onStreamed}. */
    LocalDaemon onStreamed(String methodAndTarget, ScriptedDaemon.StreamedAnswer answer) {
        daemon.onStreamed(methodAndTarget, answer);
        return this;
    }

    /** See {@link ScriptedDaemon#stale}. */
    LocalDaemon stale(boolean lockedDown) {
        daemon.stale(lockedDown);
        return this;
    }

    /** Forgets the script and the recorded requests now, as happens before each test. */
    void reset() {
        daemon.reset();
    }

    List<ScriptedDaemon.Exchange> exchanges() {
        return daemon.exchanges();
    }

    /** The requests received so far, each as {@code METHOD target body}. */
    List<String> requests() {
        return exchanges().stream().map(ScriptedDaemon.Exchange::toString).toList();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
