package org.confluentcollective.server.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.confluentcollective.zk.QuorumRole;

/**
 * A member's role in the collective, as its registry entry and {@code collective show} name it
 * (lower case, in JSON too: registry entries written by earlier runs stay readable).
 */
public enum MemberRole {
    VOTER,
    OBSERVER,
    /** Enrolled, but not yet admitted to the ZooKeeper ensemble. */
    JOINING;

    /** The role of a member whose ensemble server has {@code role}. */
    public static MemberRole of(QuorumRole role) {
        return role == QuorumRole.PARTICIPANT ? VOTER : OBSERVER;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MemberRole ofLabel(String label) {
        for (MemberRole role : values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no member role " + label);
    }
}
