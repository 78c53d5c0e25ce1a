package org.confluentcollective.zk;

import java.util.Locale;
import java.util.Optional;

/** Whether a server of the ensemble votes: its role in a {@code server.N=} line. */
public enum QuorumRole {
    /** Votes in elections and for every write. */
    PARTICIPANT,
    /** Follows the leader without voting. */
    OBSERVER;

    /** The lower-case name ZooKeeper's configuration uses. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by {@link #label()}, or empty for anything else. */
    public static Optional<QuorumRole> ofLabel(String label) {
        for (QuorumRole role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
