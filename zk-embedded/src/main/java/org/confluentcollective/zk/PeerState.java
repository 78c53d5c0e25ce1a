package org.confluentcollective.zk;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the local ZooKeeper peer knows of itself, without asking anyone.
 *
 * @param role     its own role ({@code LEADER}, {@code FOLLOWER}, {@code OBSERVER} or {@code LOOKING};
 *                 {@code UNKNOWN} for a member opened without its peer, as in some tests)
 * @param leaderId the server id of the leader it leads as or follows; empty while looking
 */
public record PeerState(ZooKeeperRole role, OptionalInt leaderId) {

    public static final PeerState LOOKING = new PeerState(ZooKeeperRole.LOOKING, OptionalInt.empty());

    public PeerState {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(leaderId, "leaderId");
    }
}
