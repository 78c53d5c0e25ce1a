package org.confluentcollective.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * A minimal RFC 1350/2347/7440 read client for tests and the benchmark: acknowledges each
 * window's last block, or the last in-order block as soon as one is missing.
 */
final class TestClient {

    record Result(byte[] data, Map<String, String> oack, int errorCode, String errorMessage,
                  int packetsReceived, InetSocketAddress serverTid) {
        boolean ok() {
            return errorCode < 0;
        }
    }

    private final int port;
    private int timeoutMs = 1000;
    private LongPredicate drop = block -> false;
    private boolean discard;

    TestClient(int port) {
        this.port = port;
    }

    /** Drops DATA blocks (absolute numbers from 1) the first time the predicate says so. */
    TestClient dropping(LongPredicate predicate) {
        this.drop = predicate;
        return this;
    }

    /** Counts bytes without keeping them (benchmark of 100 MB files). */
    TestClient discarding() {
        this.discard = true;
        return this;
    }

    TestClient timeout(int ms) {
        this.timeoutMs = ms;
        return this;
    }

    static byte[] request(int opcode, String file, String mode, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(opcode);
        out.writeBytes(file.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.writeBytes(mode.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        options.forEach((k, v) -> {
            out.writeBytes(k.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(v.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        });
        return out.toByteArray();
    }

    static byte[] ack(int block) {
        return new byte[] {0, 4, (byte) (block >> 8), (byte) block};
    }

    Result get(String file, Map<String, String> options) throws IOException {
        return get(file, "octet", options);
    }

    Result get(String file, String mode, Map<String, String> options) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setReceiveBufferSize(4 << 20);
            socket.setSoTimeout(timeoutMs);
            InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            byte[] rrq = request(1, file, mode, options);
            socket.send(new DatagramPacket(rrq, rrq.length, server));
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            long total = 0;
            Map<String, String> oack = new LinkedHashMap<>();
            InetSocketAddress tid = null;
            int blockSize = 512;
            int window = 1;
            long expected = 1;
            int inWindow = 0;
            int packets = 0;
            int timeouts = 0;
            boolean gapReported = false;
            java.util.Set<Long> dropped = new java.util.HashSet<>();
            byte[] buffer = new byte[65536 + 4];
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            while (true) {
                in.setLength(buffer.length);
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    if (++timeouts > 6) {
                        throw new IOException("client timed out at block " + expected);
                    }
                    if (tid == null) {
                        socket.send(new DatagramPacket(rrq, rrq.length, server));
                    } else {
                        send(socket, tid, ack((int) (expected - 1)));
                    }
                    inWindow = 0;
                    gapReported = true;
                    continue;
                }
                InetSocketAddress from = (InetSocketAddress) in.getSocketAddress();
                if (tid == null) {
                    tid = from;
                } else if (!tid.equals(from)) {
                    continue;
                }
                packets++;
                int op = buffer[1];
                int length = in.getLength();
                if (op == 5) {
                    int code = ((buffer[2] & 0xff) << 8) | (buffer[3] & 0xff);
                    int end = 4;
                    while (end < length && buffer[end] != 0) {
                        end++;
                    }
                    return new Result(data.toByteArray(), oack, code,
                            new String(buffer, 4, end - 4, StandardCharsets.US_ASCII), packets, tid);
                }
                if (op == 6 && expected == 1) {
                    oack.clear();
                    String[] parts = new String(buffer, 2, length - 2, StandardCharsets.US_ASCII).split("\0");
                    for (int i = 0; i + 1 < parts.length; i += 2) {
                        oack.put(parts[i], parts[i + 1]);
                    }
                    blockSize = Integer.parseInt(oack.getOrDefault("blksize", "512"));
                    window = Integer.parseInt(oack.getOrDefault("windowsize", "1"));
                    send(socket, tid, ack(0));
                    continue;
                }
                if (op != 3) {
                    continue;
                }
                int block = ((buffer[2] & 0xff) << 8) | (buffer[3] & 0xff);
                if (block != (int) (expected & 0xFFFF)) {
                    // Out of order: say what we have so the server restarts after it.
                    if (!gapReported) {
                        send(socket, tid, ack((int) (expected - 1)));
                        gapReported = true;
                    }
                    inWindow = 0;
                    continue;
                }
                if (drop.test(expected) && dropped.add(expected)) {
                    continue;
                }
                timeouts = 0;
                gapReported = false;
                if (discard) {
                    total += length - 4;
                } else {
                    data.write(buffer, 4, length - 4);
                }
                expected++;
                inWindow++;
                if (length - 4 < blockSize) {
                    send(socket, tid, ack(block));
                    byte[] bytes = discard ? new byte[0] : data.toByteArray();
                    return new Result(bytes, oack, -1, discard ? Long.toString(total) : null, packets, tid);
                }
                if (inWindow >= window) {
                    send(socket, tid, ack(block));
                    inWindow = 0;
                }
            }
        }
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }
}
