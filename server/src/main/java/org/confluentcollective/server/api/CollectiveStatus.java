package org.confluentcollective.server.api;

import java.util.List;

/**
 * What {@code collective show} answers. Without a quorum it still answers, from the last
 * state this member saw: {@code quorum} is false and {@code leader} is null.
 */
public record CollectiveStatus(boolean quorum, String leader, List<MemberStatus> members) {

    public CollectiveStatus {
        members = List.copyOf(members);
    }
}
