/**
 * Manager failover (design.md §5): when a member goes offline, the latch leader moves the nodes it
 * managed to a live member of their {@code collective.managercandidates} ({@code ManagerFailover},
 * driven by the collective's {@code LeaderListener} events), by a pure rule ({@code Reassignment});
 * it also answers which nodes are unmanaged and rebalances on request ({@code api.ManagerAssignment}).
 */
package org.confluentcollective.server.failover;
