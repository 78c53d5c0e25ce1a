package org.confluentcollective.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.confluentcollective.web.DaemonConfig;

/** What the benchmarks share: a single member in a scratch directory, and cleaning up after it. */
final class BenchDaemon {

    private BenchDaemon() {
    }

    /** A one-member daemon on loopback with free ports, its state under {@code state}. */
    static DaemonConfig singleMember(Path state) {
        return DaemonConfig.builder(state, "bench")
                .httpsAddress("127.0.0.1").httpsPort(0).socketPath(state.resolve("api.sock"))
                .zooKeeperPorts(0, 0, 0).build();
    }

    /** A benchmark's body, run by {@link #runAndExit}. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /**
     * Runs a single-member benchmark and exits: 1 with the stack trace on failure. Exiting also
     * ends the non-daemon Netty thread ZooKeeper's TLS client leaves behind.
     */
    static void runAndExit(Body body) {
        try {
            body.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
