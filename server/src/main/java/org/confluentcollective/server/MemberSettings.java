package org.confluentcollective.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the member itself (peer, store, collective, routing) needs to start; the transports'
 * settings stay with them. Ports of 0 pick a free port (tests, benchmarks).
 *
 * @param stateDir              private state: ZooKeeper data, member key and certificate
 * @param name                  this member's name in the collective and in its certificate
 * @param address               where other members reach it: the ZooKeeper quorum and election
 *                              ports and the member API bind to it
 * @param zooKeeperClientPort   ZooKeeper client port, always on loopback
 * @param zooKeeperQuorumPort   ZooKeeper quorum port
 * @param zooKeeperElectionPort ZooKeeper leader election port
 * @param httpsPort             the HTTPS API port, as registered for the other members
 * @param memberPort            the member API port, as registered for the other members
 * @param maxVoters             members beyond this many voters join as non-voting observers
 * @param version               the confluentd version this member runs
 * @param forwardingTimeout     what a node operation forwarded to another member may take
 * @param failoverBatch         nodes per change when manager failover or a rebalance moves nodes
 * @param deployRoot            this member's deployment root (boot loaders, profiles)
 */
public record MemberSettings(Path stateDir, String name, String address, int zooKeeperClientPort,
                             int zooKeeperQuorumPort, int zooKeeperElectionPort, int httpsPort, int memberPort,
                             int maxVoters, String version, Duration forwardingTimeout, int failoverBatch,
                             Path deployRoot) {

    public MemberSettings {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(forwardingTimeout, "forwardingTimeout");
        Objects.requireNonNull(deployRoot, "deployRoot");
    }
}
