package org.confluentcollective.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.server.collective.MemberInfo;
import org.confluentcollective.server.trust.PinnedTrustManager;
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
 * @param zooKeeperRole        the local ZooKeeper peer's role, which the member publishes
 */
public record MemberStoreSettings(MemberInfo member, String connectString, Path stateDir, Duration sessionTimeout,
                                  int passwordIterations, ZKClientConfig clientConfig,
                                  PinnedTrustManager memberTrust, int maxVoters,
                                  Supplier<ZooKeeperRole> zooKeeperRole) {

    public MemberStoreSettings {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(connectString, "connectString");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(zooKeeperRole, "zooKeeperRole");
    }

    /**
     * A member named {@code member} on loopback whose peer's role is unknown; see {@link #withMember}
     * for the real identity and {@link #withZooKeeperRole} for the role.
     */
    public static MemberStoreSettings of(String connectString, Path stateDir) {
        return new MemberStoreSettings(new MemberInfo("member", "127.0.0.1", "voter", "", "unknown", 0, 0, 0),
                connectString, stateDir, Duration.ofSeconds(10), 210_000, null, null, 5, () -> ZooKeeperRole.UNKNOWN);
    }

    public MemberStoreSettings withMember(MemberInfo newMember) {
        return new MemberStoreSettings(newMember, connectString, stateDir, sessionTimeout, passwordIterations,
                clientConfig, memberTrust, maxVoters, zooKeeperRole);
    }

    public MemberStoreSettings withPasswordIterations(int iterations) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, iterations,
                clientConfig, memberTrust, maxVoters, zooKeeperRole);
    }

    /** Connects over TLS and keeps {@code trust} equal to the member registry. */
    public MemberStoreSettings withTls(ZKClientConfig config, PinnedTrustManager trust) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, passwordIterations,
                config, trust, maxVoters, zooKeeperRole);
    }

    public MemberStoreSettings withMaxVoters(int voters) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, passwordIterations,
                clientConfig, memberTrust, voters, zooKeeperRole);
    }

    /** Where the member learns its own ZooKeeper peer's role (the embedded peer, in confluentd). */
    public MemberStoreSettings withZooKeeperRole(Supplier<ZooKeeperRole> role) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, passwordIterations,
                clientConfig, memberTrust, maxVoters, role);
    }
}
