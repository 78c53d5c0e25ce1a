package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** confluentd started on a port another process holds: one line naming the port and its key, exit 1. */
class PortConflictTest {

    private static final List<String> PORT_KEYS = List.of("api.https.port", "member.port", "zookeeper.client.port",
            "zookeeper.quorum.port", "zookeeper.election.port");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"api.https.port", "member.port", "zookeeper.client.port", "zookeeper.election.port"})
    void aTakenPortIsNamedWithItsKey(String takenKey) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int takenPort = taken.getLocalPort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dconfluent.state.dir=" + dir.resolve("state"),
                    "-Dconfluent.api.socket=" + dir.resolve("api.sock"),
                    "-Dconfluent.api.https.address=127.0.0.1",
                    "-Dconfluent.zookeeper.address=127.0.0.1"));
            for (String key : PORT_KEYS) {
                command.add("-Dconfluent." + key + "=" + (key.equals(takenKey) ? takenPort : freePort()));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Confluentd.class.getName()));
            Process daemon = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(daemon.waitFor(60, TimeUnit.SECONDS));
            String output = new String(daemon.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, daemon.exitValue(), output);
            assertTrue(output.contains("confluentd could not start: cannot listen on 127.0.0.1:" + takenPort + " ("
                    + takenKey + "): address already in use"), output);
            assertFalse(output.contains("\tat ") || output.contains("Exception"), output);
            assertEquals(1, output.lines().filter(line -> line.contains("cannot listen")).count(), output);
        }
    }

    /** A port free now (the checks bind the ports one after the other, so two keys may even share one). */
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
