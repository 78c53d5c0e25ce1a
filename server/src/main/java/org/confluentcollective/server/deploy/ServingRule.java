package org.confluentcollective.server.deploy;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.server.noderange.NaturalOrder;

/**
 * Which member answers a node's network boot (a pure rule, so that every member that sees the
 * same live members picks the same one): the manager when it is live and allowed, else the first
 * live allowed member in natural order. Natural order rather than a hash of the MAC: an
 * administrator can predict it, and it moves only when a member comes or goes.
 */
final class ServingRule {

    private static final NaturalOrder NATURAL = new NaturalOrder();

    private ServingRule() {
    }

    /**
     * @param manager     {@code collective.manager}, or null
     * @param allowedLive the live members among the candidates, or empty when every member is allowed
     * @param live        the live members
     * @return the member that answers, or empty when no allowed member is live
     */
    static Optional<String> answerer(String manager, Optional<? extends Collection<String>> allowedLive,
                                     Set<String> live) {
        Collection<String> allowed = allowedLive.isPresent() ? allowedLive.get() : live;
        if (manager != null && live.contains(manager) && allowed.contains(manager)) {
            return Optional.of(manager);
        }
        return allowed.stream().filter(live::contains).min(NATURAL);
    }
}
