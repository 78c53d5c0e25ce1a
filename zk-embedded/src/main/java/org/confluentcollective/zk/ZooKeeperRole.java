package org.confluentcollective.zk;

import java.util.Locale;
import java.util.Optional;

/**
 * A member's role in the ZooKeeper ensemble, as {@code collective show} reports it. A peer
 * knows the first four of itself; {@link #UNREACHABLE} and {@link #UNKNOWN} are what others
 * conclude about a member they cannot ask.
 */
public enum ZooKeeperRole {
    /** Orders every write: the member to look at when writes stall. */
    LEADER,
    FOLLOWER,
    OBSERVER,
    /** Electing a leader, or cut off from a quorum. */
    LOOKING,
    /** No ZooKeeper session: the member is down or cut off. */
    UNREACHABLE,
    /** Live, but it published no role (a version that does not). */
    UNKNOWN;

    /** The lower-case name used in JSON, the CLI and the liveness znode. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by {@link #label()}, or empty for anything else. */
    public static Optional<ZooKeeperRole> ofLabel(String label) {
        for (ZooKeeperRole role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
