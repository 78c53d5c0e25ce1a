package org.confluentcollective.tftp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TftpServer} runs.
 *
 * @param bindAddress   address of the request socket and of every transfer socket (a wildcard
 *                      address lets the OS pick each reply's source address by routing)
 * @param port          request port: 69 in production, 0 for a free port in tests
 * @param root          the only directory served; nothing outside it is reachable
 * @param maxTransfers  concurrent transfers; one more request is answered "server busy"
 * @param timeout       retransmission timeout unless the client negotiates one (RFC 2349)
 * @param maxRetries    retransmissions of one packet before the transfer is given up
 * @param maxBlockSize  upper bound for the blksize option (RFC 2348 allows up to 65464)
 * @param maxWindowSize upper bound for the windowsize option (RFC 7440 allows up to 65535)
 */
public record TftpSettings(InetAddress bindAddress, int port, Path root, int maxTransfers,
                           Duration timeout, int maxRetries, int maxBlockSize, int maxWindowSize) {

    /** RFC 2348's largest block: 65464 + 4 header bytes + IPv4/UDP headers fit 65535. */
    public static final int BLKSIZE_LIMIT = 65464;
    public static final int WINDOWSIZE_LIMIT = 65535;

    public TftpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxTransfers < 1) {
            throw new IllegalArgumentException("maxTransfers must be at least 1");
        }
        if (timeout.toMillis() < 10 || timeout.toSeconds() > 255) {
            throw new IllegalArgumentException("timeout must be between 10 ms and 255 s: " + timeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (maxBlockSize < 512 || maxBlockSize > BLKSIZE_LIMIT) {
            throw new IllegalArgumentException("maxBlockSize must be 512.." + BLKSIZE_LIMIT);
        }
        if (maxWindowSize < 1 || maxWindowSize > WINDOWSIZE_LIMIT) {
            throw new IllegalArgumentException("maxWindowSize must be 1.." + WINDOWSIZE_LIMIT);
        }
    }

    /** Production defaults: all addresses, port 69, 64 transfers, 1 s timeout, 5 retries. */
    public static TftpSettings defaults(Path root) {
        return new TftpSettings(wildcard(), 69, root, 64, Duration.ofSeconds(1), 5, BLKSIZE_LIMIT, 64);
    }

    public TftpSettings withBindAddress(InetAddress address) {
        return new TftpSettings(address, port, root, maxTransfers, timeout, maxRetries, maxBlockSize, maxWindowSize);
    }

    public TftpSettings withPort(int newPort) {
        return new TftpSettings(bindAddress, newPort, root, maxTransfers, timeout, maxRetries, maxBlockSize, maxWindowSize);
    }

    public TftpSettings withMaxTransfers(int n) {
        return new TftpSettings(bindAddress, port, root, n, timeout, maxRetries, maxBlockSize, maxWindowSize);
    }

    public TftpSettings withTimeout(Duration t, int retries) {
        return new TftpSettings(bindAddress, port, root, maxTransfers, t, retries, maxBlockSize, maxWindowSize);
    }

    public TftpSettings withLimits(int blockSize, int windowSize) {
        return new TftpSettings(bindAddress, port, root, maxTransfers, timeout, maxRetries, blockSize, windowSize);
    }

    private static InetAddress wildcard() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
