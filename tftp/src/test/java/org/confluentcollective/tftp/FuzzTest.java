package org.confluentcollective.tftp;

import static org.confluentcollective.tftp.ServerFixture.randomFile;
import static org.confluentcollective.tftp.ServerFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over 10,000 random and mutated datagrams at the request port and at a running transfer's
 * socket: nothing escapes, garbage is never answered, the transfer and the server carry on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FuzzTest {

    private static final List<byte[]> SEEDS = List.of(
            TestClient.request(1, "f", "octet", Map.of("blksize", "1428", "tsize", "0", "windowsize", "8")),
            TestClient.request(1, "missing/../f", "netascii", Map.of("timeout", "3")),
            TestClient.request(2, "f", "octet", Map.of()),
            TestClient.ack(1), TestClient.ack(0),
            new byte[] {0, 3, 0, 1, 'd', 'a', 't', 'a'},
            new byte[] {0, 5, 0, 1, 'n', 'o', 0},
            new byte[] {0, 6, 'b', 'l', 'k', 's', 'i', 'z', 'e', 0, '9', 0});

    @TempDir
    Path dir;

    private final Random random = new Random(20261126);

    @Test
    void garbageIsDroppedAndTheServerKeepsServing() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path file = randomFile(root, "f", 100_000);
        // A long timeout: during the fuzzing the transfer must not retransmit by itself.
        TftpSettings settings = ServerFixture.settings(root).withTimeout(Duration.ofSeconds(30), 2);
        try (TftpServer server = ServerFixture.start(settings);
             DatagramSocket garbage = TftpServerTest.socket();
             DatagramSocket client = TftpServerTest.socket();
             DatagramSocket stranger = TftpServerTest.socket()) {
            DatagramSocket requests = TftpServerTest.socket();
            InetSocketAddress port = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());

            // 1. Not requests, at the request port: never answered, all counted.
            int sent = 0;
            while (sent < 6000) {
                byte[] d = next();
                if (!RequestParser.looksLikeRequest(d, 0, d.length)) {
                    send(garbage, d, port, sent++);
                }
            }
            assertSilent(garbage);
            long dropped = ServerFixture.await(server.metrics()::droppedPackets, sent);
            assertTrue(dropped >= sent * 0.95, "dropped " + dropped + " of " + sent);
            System.out.println("fuzz: " + sent + " garbage datagrams at the request port, " + dropped + " counted");

            // 2. Mutated requests, from 20 ports (a port with a running transfer is ignored).
            for (int i = 0; i < 2000; i++) {
                byte[] d = next();
                d = d.length < 2 ? new byte[2] : d;
                d[0] = 0;
                d[1] = (byte) (1 + random.nextInt(2));
                if (i % 100 == 0) {
                    requests.close();
                    requests = TftpServerTest.socket();
                }
                send(requests, d, port, i);
            }
            requests.close();
            long parsed = server.metrics().requests();

            // 3. At a transfer's TID: garbage from the client itself, then from a stranger.
            byte[] rrq = TestClient.request(1, "f", "octet", Map.of());
            // The server may still be working through the flood above: retransmit, as clients do.
            DatagramPacket first = null;
            for (int attempt = 0; first == null && attempt < 5; attempt++) {
                client.send(new DatagramPacket(rrq, rrq.length, port));
                try {
                    first = TftpServerTest.receive(client);
                } catch (java.net.SocketTimeoutException notYet) {
                    // send the request again
                }
            }
            assertTrue(first != null, "the server answered a normal request after the flood");
            assertEquals(1, first.getData()[3]);
            SocketAddress tid = first.getSocketAddress();
            for (int i = 0; i < 2000; ) {
                byte[] d = next();
                boolean ackOrError = d.length >= 4 && d[0] == 0 && (d[1] == 4 || d[1] == 5);
                if (!ackOrError) {
                    send(client, d, tid, i++);
                }
            }
            assertSilent(client);
            int tftpLooking = 0;
            for (int i = 0; i < 1000; i++) {
                byte[] d = next();
                if (d.length >= 4 && d[0] == 0 && d[1] >= 1 && d[1] <= 6 && d[1] != 5) {
                    tftpLooking++;
                }
                send(stranger, d, tid, i);
            }
            int errors = 0;
            stranger.setSoTimeout(300);
            try {
                while (true) {
                    DatagramPacket p = TftpServerTest.receive(stranger);
                    assertEquals(5, p.getData()[1]);
                    assertEquals(5, p.getData()[3], "only error 5 for strangers");
                    errors++;
                }
            } catch (SocketTimeoutException e) {
                // drained
            }
            assertTrue(errors <= tftpLooking, errors + " answers to " + tftpLooking + " TFTP-looking datagrams");
            // The transfer is undisturbed: ACK 1 brings block 2.
            client.send(new DatagramPacket(TestClient.ack(1), 4, tid));
            assertEquals(2, TftpServerTest.receive(client).getData()[3]);

            // 4. A normal client afterwards.
            assertEquals(sha256(file), sha256(new TestClient(server.port()).get("f", Map.of("blksize", "512")).data()));
            assertTrue(server.metrics().wrongTidPackets() >= 950, server.metrics().toString());
            assertTrue(parsed > 20, "some mutated requests were well-formed: " + parsed);
            System.out.println("fuzz: " + (sent + 2000 + 2000 + 1000) + " datagrams; " + server.metrics());
        }
    }

    /** A random datagram, or a seed mutated by flips, cuts, insertions and NULs. */
    private byte[] next() {
        if (random.nextInt(4) == 0) {
            byte[] d = new byte[random.nextInt(600)];
            random.nextBytes(d);
            if (d.length > 1 && random.nextBoolean()) {
                d[0] = 0; // looks a little more like TFTP
            }
            return d;
        }
        byte[] d = SEEDS.get(random.nextInt(SEEDS.size())).clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (d.length > 0) {
                        d[random.nextInt(d.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> d = Arrays.copyOf(d, d.length == 0 ? 0 : random.nextInt(d.length));
                case 2 -> {
                    byte[] extra = new byte[1 + random.nextInt(40)];
                    random.nextBytes(extra);
                    byte[] longer = Arrays.copyOf(d, d.length + extra.length);
                    System.arraycopy(extra, 0, longer, d.length, extra.length);
                    d = longer;
                }
                case 3 -> {
                    if (d.length > 0) {
                        d[random.nextInt(d.length)] = 0;
                    }
                }
                default -> {
                    if (d.length > 2) {
                        d[2 + random.nextInt(d.length - 2)] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return d;
    }

    private static void send(DatagramSocket from, byte[] d, SocketAddress to, int i) throws IOException, InterruptedException {
        from.send(new DatagramPacket(d, d.length, to));
        if (i % 64 == 63) {
            Thread.sleep(1); // stay within the receive buffer: the kernel's drops would not be counted
        }
    }

    private static void assertSilent(DatagramSocket socket) throws IOException {
        socket.setSoTimeout(500);
        assertThrows(SocketTimeoutException.class, () -> TftpServerTest.receive(socket), "garbage was answered");
        socket.setSoTimeout(3000);
    }
}
