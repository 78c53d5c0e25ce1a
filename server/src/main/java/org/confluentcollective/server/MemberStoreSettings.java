package org.confluentcollective.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.trust.PinnedTrustManager;
import org.confluentcollective.zk.PeerState;
import org.confluentcollective.zk.ZooKeeperRole;

/**
 * How a member reaches its database, and who it is in the collective.
 *
 * @param member               this member as the collective registers it
 * @param connectString        the local ZooKeeper peer's client address
 * @param stateDir             the member's private state directory (collective key, certificate)
 * @param sessionTimeout       ZooKeeper session timeout; after it a silent member is presumed dead
 * @param passwordIterations   PBKDF2 iterations for API user passwords
 * @param clientConfig         ZooKeeper client settings (TLS); {@code null} for plaintext
 * @param memberTrust          the live member trust set to keep equal to the registry; {@code null} for none
 * @param maxVoters            members beyond this many voters join as observers
 * @param zooKeeperPeer        the local ZooKeeper peer's state: the role the member publishes, the leader
 * @param failoverBatch        nodes per change when manager failover or a rebalance moves nodes
 */
public record MemberStoreSettings(MemberInfo member, String connectString, Path stateDir, Duration sessionTimeout,
                                  int passwordIterations, ZKClientConfig clientConfig,
                                  PinnedTrustManager memberTrust, int maxVoters,
                                  Supplier<PeerState> zooKeeperPeer, int failoverBatch) {

    public MemberStoreSettings {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(connectString, "connectString");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(zooKeeperPeer, "zooKeeperPeer");
    }

    /**
     * A member named {@code member} on loopback whose peer's role is unknown; see {@link #withMember}
     * for the real identity and {@link #withZooKeeperPeer} for the peer.
     */
    public static MemberStoreSettings of(String connectString, Path stateDir) {
        return new MemberStoreSettings(new MemberInfo("member", "127.0.0.1", MemberRole.VOTER, "", "unknown", 0, 0, 0),
                connectString, stateDir, Duration.ofSeconds(10), 210_000, null, null, 5,
                () -> new PeerState(ZooKeeperRole.UNKNOWN, OptionalInt.empty()), 500);
    }

    public MemberStoreSettings withMember(MemberInfo newMember) {
        return new MemberStoreSettings(newMember, connectString, stateDir, sessionTimeout, passwordIterations,
                clientConfig, memberTrust, maxVoters, zooKeeperPeer, failoverBatch);
    }

    public MemberStoreSettings withPasswordIterations(int iterations) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, iterations,
                clientConfig, memberTrust, maxVoters, zooKeeperPeer, failoverBatch);
    }

    /** Connects over TLS and keeps {@code trust} equal to the member registry. */
    public MemberStoreSettings withTls(ZKClientConfig config, PinnedTrustManager trust) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, passwordIterations,
                config, trust, maxVoters, zooKeeperPeer, failoverBatch);
    }

    public MemberStoreSettings withMaxVoters(int voters) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, passwordIterations,
                clientConfig, memberTrust, voters, zooKeeperPeer, failoverBatch);
    }

    /** Where the member learns its own ZooKeeper peer's state (the embedded peer, in confluentd). */
    public MemberStoreSettings withZooKeeperPeer(Supplier<PeerState> peer) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, passwordIterations,
                clientConfig, memberTrust, maxVoters, peer, failoverBatch);
    }

    /** Smaller batches than the default 500 (tests: a failover that takes a while to write). */
    public MemberStoreSettings withFailoverBatch(int nodes) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, passwordIterations,
                clientConfig, memberTrust, maxVoters, zooKeeperPeer, nodes);
    }
}
