package org.confluentcollective.server.collective;

/**
 * What the leader's work (manager failover) hears from the collective. Called on ZooKeeper's
 * event threads: implementations hand the work to a thread of their own and return.
 */
public interface LeaderListener {

    /**
     * This member holds the leader latch and knows every member's liveness: after it starts, and
     * again after a lost session or quorum, or when it is registered while leading.
     */
    void leading();

    /** This member lost the latch (another leads, or its session or quorum is gone). */
    void notLeading();

    /** A member's liveness znode went: it stopped, or its session expired. */
    void memberLeft(String member);
}
