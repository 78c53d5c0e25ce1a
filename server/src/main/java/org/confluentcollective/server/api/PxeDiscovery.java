package org.confluentcollective.server.api;

import java.util.List;
import java.util.Optional;

/**
 * This member's PXE discovery records ({@code nodediscover}): the unknown clients its DHCP
 * responder saw boot. Per member, as the original's: another member on another segment sees other
 * clients. A member whose DHCP responder does not run has none.
 */
public interface PxeDiscovery {

    /** The records, the most recently seen last. */
    List<DiscoveredClient> list();

    /** @param mac any usual spelling */
    Optional<DiscoveredClient> find(String mac);

    /**
     * Gives the discovered MAC to the node ({@link DeploymentView#assignHwaddr}: the first unset
     * hwaddr, and this member as the node's manager when it has none) and forgets the record.
     *
     * @return the attribute written
     * @throws RequestException BAD_REQUEST for no MAC, NOT_FOUND when this member has not seen the
     *                          MAC boot or for an unknown node, CONFLICT and UNAVAILABLE as assignHwaddr
     */
    String assign(String mac, String node);

    /**
     * Forgets a record.
     *
     * @return whether there was one
     * @throws RequestException BAD_REQUEST for no MAC
     */
    boolean forget(String mac);

    /** No records: a member without DHCP. */
    PxeDiscovery NONE = new PxeDiscovery() {
        @Override
        public List<DiscoveredClient> list() {
            return List.of();
        }

        @Override
        public Optional<DiscoveredClient> find(String mac) {
            return Optional.empty();
        }

        @Override
        public String assign(String mac, String node) {
            throw RequestException.notFound("this member has not seen " + mac
                    + " boot (its DHCP responder does not run: dhcp.enabled)");
        }

        @Override
        public boolean forget(String mac) {
            return false;
        }
    };
}
