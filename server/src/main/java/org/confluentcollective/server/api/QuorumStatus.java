package org.confluentcollective.server.api;

/**
 * Whether this member is connected to a ZooKeeper quorum. Without one it is locked down:
 * every change is refused with {@code no quorum}, and reads are answered from the member's
 * last-known copy, marked stale (design.md §2).
 */
public interface QuorumStatus {

    boolean hasQuorum();
}
