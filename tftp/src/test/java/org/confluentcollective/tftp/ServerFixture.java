package org.confluentcollective.tftp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

/** Shared helpers: a loopback server on a free port, random files, SHA-256. */
final class ServerFixture {

    private ServerFixture() {
    }

    static TftpSettings settings(Path root) {
        return TftpSettings.defaults(root).withBindAddress(InetAddress.getLoopbackAddress()).withPort(0)
                .withTimeout(Duration.ofMillis(300), 5);
    }

    static TftpServer start(TftpSettings settings) throws IOException {
        TftpServer server = new TftpServer(settings);
        server.start();
        return server;
    }

    /** Waits for a counter: a client is done once it sent the last ACK, the server a moment later. */
    static long await(java.util.function.LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return counter.getAsLong();
    }

    static Path randomFile(Path dir, String name, long size) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Random random = new Random(size * 31 + name.hashCode());
        byte[] chunk = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
