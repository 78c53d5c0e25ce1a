package org.confluentcollective.zk;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How this member's ZooKeeper peer is laid out on its first start. Once the peer has started,
 * ZooKeeper owns its configuration files (it rewrites them on every reconfiguration), so on a
 * restart these settings only locate the data directory.
 *
 * @param dataDir      the member's ZooKeeper directory (transaction log, snapshots, config)
 * @param serverId     this member's ZooKeeper server id ({@code myid}), positive
 * @param address      the address quorum and election ports bind to
 * @param clientPort   loopback client port; 0 picks a free port on first start
 * @param quorumPort   0 picks a free port on first start
 * @param electionPort 0 picks a free port on first start
 * @param tickMillis   ZooKeeper's tick; session timeouts are 2 to 20 ticks
 * @param tls          the member's TLS credentials: mutual TLS on every port and no plaintext
 *                     client port; {@code null} runs plaintext (single-member unit tests only)
 */
public record ZooKeeperSettings(Path dataDir, int serverId, String address, int clientPort,
                                int quorumPort, int electionPort, int tickMillis, PeerTls tls) {

    public ZooKeeperSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(address, "address");
        if (serverId < 1) {
            throw new IllegalArgumentException("serverId must be positive, not " + serverId);
        }
        if (tickMillis <= 0) {
            throw new IllegalArgumentException("tickMillis must be positive");
        }
    }

    /** A single loopback member with free ports: what tests and a fresh install start with. */
    public static ZooKeeperSettings loopback(Path dataDir) {
        return new ZooKeeperSettings(dataDir, 1, "127.0.0.1", 0, 0, 0, 1000, null);
    }

    public ZooKeeperSettings withTls(PeerTls newTls) {
        return new ZooKeeperSettings(dataDir, serverId, address, clientPort, quorumPort, electionPort, tickMillis,
                newTls);
    }

    /** The same peer with another server id and concrete ports (a joiner keeps its ports). */
    public ZooKeeperSettings withServer(int newServerId, int newClientPort, int newQuorumPort, int newElectionPort) {
        return new ZooKeeperSettings(dataDir, newServerId, address, newClientPort, newQuorumPort, newElectionPort,
                tickMillis, tls);
    }
}
