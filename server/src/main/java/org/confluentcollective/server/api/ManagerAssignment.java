package org.confluentcollective.server.api;

/**
 * Which member manages which node, as the collective keeps it after failover (design.md §5):
 * what {@code collective show}, {@code GET /collective/unmanaged} and {@code collective rebalance}
 * need.
 */
public interface ManagerAssignment {

    /**
     * Nodes whose {@code collective.manager} names a member that is not live: after failover,
     * those without a live candidate. Nodes with no manager are not among them (any member handles
     * them). Answered from this member's copy, without a quorum too.
     */
    UnmanagedNodes unmanaged();

    /**
     * Spreads the nodes that have live candidates evenly over them again (a returning member gets
     * nodes back only this way), in batched changes.
     *
     * @return how many nodes changed manager
     * @throws RequestException UNAVAILABLE {@code no quorum} without a quorum
     */
    int rebalance();
}
