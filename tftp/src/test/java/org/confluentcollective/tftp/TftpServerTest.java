package org.confluentcollective.tftp;

import static org.confluentcollective.tftp.ServerFixture.randomFile;
import static org.confluentcollective.tftp.ServerFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TftpServerTest {

    @TempDir
    Path dir;
    Path root;
    TftpServer server;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        server = ServerFixture.start(ServerFixture.settings(root));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestClient client() {
        return new TestClient(server.port());
    }

    @Test
    void servesFilesByteIdenticalWithAndWithoutOptions() throws Exception {
        for (long size : new long[] {0, 511, 512, 513, 1 << 20}) {
            Path file = randomFile(root, "f" + size, size);
            String expected = sha256(file);
            assertEquals(expected, sha256(client().get("f" + size, Map.of()).data()), "plain " + size);
            TestClient.Result r = client().get("/f" + size, Map.of("blksize", "1428", "tsize", "0"));
            assertEquals(size == 0 ? Map.of("blksize", "1428") : Map.of("blksize", "1428", "tsize", Long.toString(size)), r.oack());
            assertEquals(expected, sha256(r.data()), "blksize 1428 " + size);
            r = client().get("f" + size, Map.of("blksize", "1428", "windowsize", "8", "timeout", "2"));
            assertEquals(Map.of("blksize", "1428", "windowsize", "8", "timeout", "2"), r.oack());
            assertEquals(expected, sha256(r.data()), "windowsize 8 " + size);
        }
        assertEquals(15, ServerFixture.await(server.metrics()::transfersCompleted, 15));
    }

    @Test
    void netasciiConvertsLineEnds() throws IOException {
        Files.writeString(root.resolve("text"), "a\nb\rc\r\n");
        TestClient.Result r = client().get("text", "netascii", Map.of("tsize", "0"));
        assertEquals("a\r\nb\r\0c\r\0\r\n", new String(r.data(), StandardCharsets.ISO_8859_1));
        assertEquals(Map.of(), r.oack(), "no tsize in netascii: its size is not the file's");
    }

    @Test
    void windowRollsBackAfterLostBlocks() throws IOException {
        Path file = randomFile(root, "big", 300_000);
        TestClient.Result r = client().dropping(b -> b % 37 == 0 || b == 9 || b == 17)
                .get("big", Map.of("blksize", "1000", "windowsize", "8"));
        assertEquals(sha256(file), sha256(r.data()));
        assertTrue(server.metrics().retransmissions() > 0);
        r = client().dropping(b -> b % 150 == 0).get("big", Map.of());
        assertEquals(sha256(file), sha256(r.data()), "lockstep recovers by timeout");
    }

    @Test
    void blockNumbersRollOverPast65535() throws IOException {
        long size = 65_600L * 512 + 100;
        Path file = randomFile(root, "rollover", size);
        TestClient.Result r = client().get("rollover", Map.of("windowsize", "16"));
        assertEquals(sha256(file), sha256(r.data()));
        r = client().get("rollover", Map.of());
        assertEquals(sha256(file), sha256(r.data()), "lockstep across the rollover");
    }

    @Test
    void refusesWritesEscapesAndMissingFiles() throws IOException {
        Files.writeString(dir.resolve("secret"), "s");
        Files.createSymbolicLink(root.resolve("link"), dir.resolve("secret"));
        Files.createDirectories(root.resolve("sub"));
        assertError(2, "read-only server", raw(TestClient.request(2, "f", "octet", Map.of())));
        assertEquals(2, client().get("../secret", Map.of()).errorCode());
        assertEquals(1, client().get("/etc/passwd", Map.of()).errorCode());
        assertEquals(2, client().get("link", Map.of("blksize", "1428")).errorCode());
        assertEquals(2, client().get("sub", Map.of()).errorCode());
        assertEquals(4, raw(TestClient.request(1, "f", "mail", Map.of())).errorCode);
        assertEquals(5, server.metrics().refusals(), "the malformed one is counted as dropped");
        assertEquals(1, server.metrics().droppedPackets(), "the malformed request");
    }

    @Test
    void strayPacketsGetErrorFiveAndDoNotDisturbTheTransfer() throws IOException {
        Path file = randomFile(root, "f", 200_000);
        try (DatagramSocket client = socket(); DatagramSocket stranger = socket()) {
            byte[] rrq = TestClient.request(1, "f", "octet", Map.of());
            client.send(new DatagramPacket(rrq, rrq.length, serverAddress()));
            DatagramPacket data = receive(client);
            InetSocketAddress tid = (InetSocketAddress) data.getSocketAddress();
            assertNotEquals(server.port(), tid.getPort());
            byte[] ack = TestClient.ack(1);
            stranger.send(new DatagramPacket(ack, 4, tid));
            DatagramPacket error = receive(stranger);
            assertEquals(5, error.getData()[1]);
            assertEquals(5, error.getData()[3], "error 5, unknown transfer ID");
            // Duplicate ACKs are never answered (Sorcerer's Apprentice): one ACK, one block.
            client.send(new DatagramPacket(ack, 4, tid));
            client.send(new DatagramPacket(ack, 4, tid));
            client.send(new DatagramPacket(ack, 4, tid));
            DatagramPacket block2 = receive(client);
            assertEquals(2, block2.getData()[3]);
            client.setSoTimeout(150);
            assertThrows(SocketTimeoutException.class, () -> client.receive(new DatagramPacket(new byte[600], 600)));
        }
        assertEquals(1, server.metrics().wrongTidPackets());
        assertEquals(sha256(file), sha256(client().get("f", Map.of()).data()));
    }

    @Test
    void optionsRejectedByTheClientEndTheTransfer() throws IOException {
        randomFile(root, "f", 5000);
        try (DatagramSocket client = socket()) {
            byte[] rrq = TestClient.request(1, "f", "octet", Map.of("blksize", "1428"));
            client.send(new DatagramPacket(rrq, rrq.length, serverAddress()));
            DatagramPacket oack = receive(client);
            assertEquals(6, oack.getData()[1]);
            byte[] error = {0, 5, 0, 8, 'n', 'o', 0};
            client.send(new DatagramPacket(error, error.length, oack.getSocketAddress()));
            client.setSoTimeout(1000);
            assertThrows(SocketTimeoutException.class, () -> client.receive(new DatagramPacket(new byte[2000], 2000)));
        }
        assertEquals(1, server.metrics().transfersFailed());
    }

    @Test
    void aSilentClientIsGivenUpAfterTheRetries() throws IOException {
        randomFile(root, "f", 5000);
        try (DatagramSocket client = socket()) {
            byte[] rrq = TestClient.request(1, "f", "octet", Map.of());
            client.send(new DatagramPacket(rrq, rrq.length, serverAddress()));
            client.send(new DatagramPacket(rrq, rrq.length, serverAddress()));
            int blocks = 0;
            client.setSoTimeout(1500);
            try {
                while (true) {
                    client.receive(new DatagramPacket(new byte[600], 600));
                    blocks++;
                }
            } catch (SocketTimeoutException e) {
                // the server stopped
            }
            assertEquals(6, blocks, "block 1 and 5 retransmissions, one transfer for the repeated request");
        }
        assertEquals(1, server.metrics().duplicateRequests());
        assertEquals(1, server.metrics().transfersFailed());
        assertEquals(0, server.activeTransfers());
    }

    @Test
    void beyondThePoolRequestsAreToldTheServerIsBusy() throws Exception {
        server.close();
        server = ServerFixture.start(ServerFixture.settings(root).withMaxTransfers(2));
        randomFile(root, "f", 5000);
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                DatagramSocket s = socket();
                sockets.add(s);
                byte[] rrq = TestClient.request(1, "f", "octet", Map.of());
                s.send(new DatagramPacket(rrq, rrq.length, serverAddress()));
                DatagramPacket reply = receive(s);
                assertEquals(i < 2 ? 3 : 5, reply.getData()[1], "reply " + i);
                if (i == 2) {
                    assertEquals("server busy", new String(reply.getData(), 4, 11, StandardCharsets.US_ASCII));
                }
            }
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
        assertEquals(1, server.metrics().busyRefusals());
    }

    private record Raw(int errorCode, String message) {
    }

    private Raw raw(byte[] request) throws IOException {
        try (DatagramSocket s = socket()) {
            s.send(new DatagramPacket(request, request.length, serverAddress()));
            DatagramPacket reply = receive(s);
            byte[] d = reply.getData();
            assertEquals(5, d[1]);
            int end = 4;
            while (d[end] != 0) {
                end++;
            }
            return new Raw(d[3], new String(d, 4, end - 4, StandardCharsets.US_ASCII));
        }
    }

    private void assertError(int code, String message, Raw raw) {
        assertEquals(code, raw.errorCode());
        assertEquals(message, raw.message());
    }

    private InetSocketAddress serverAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
    }

    static DatagramSocket socket() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(3000);
        return s;
    }

    static DatagramPacket receive(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        s.receive(p);
        return p;
    }

    private static void assertThrows(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(type, e);
    }
}
