package org.confluentcollective.server.failover;

import java.util.List;

/**
 * One node as failover sees it.
 *
 * @param manager    its {@code collective.manager}, or null when unset
 * @param candidates the names its {@code collective.managercandidates} spells (members or not), in
 *                   noderange order; empty without candidates
 */
public record ManagedNode(String node, String manager, List<String> candidates) {

    public ManagedNode {
        candidates = List.copyOf(candidates);
    }
}
