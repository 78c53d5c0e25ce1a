package org.confluentcollective.server.api;

import java.util.Optional;

/**
 * What the deployment services (DHCP, TFTP, boot scripts) know of the database: a booting node
 * recognised by a MAC address or a firmware UUID, and whether this member is the one that answers
 * it. Reads come from this member's copy and never need a quorum, so that nodes keep booting in a
 * network split (design.md §2); only {@link #assignHwaddr} writes.
 */
public interface DeploymentView {

    /** This member's name (the value {@code collective.manager} holds for nodes it manages). */
    String selfName();

    /**
     * The node whose {@code net.hwaddr} or {@code net.<x>.hwaddr} holds the address.
     *
     * @param mac a MAC address in any usual spelling ({@code AA-BB-..}, {@code aa:bb:..})
     */
    Optional<BootNode> nodeByMac(String mac);

    /** The node whose {@code id.uuid} is the UUID (any case, with dashes). */
    Optional<BootNode> nodeByUuid(String uuid);

    /** The node of that name. */
    Optional<BootNode> nodeByName(String node);

    /**
     * Whether this member answers the node's network boot. Exactly one live member does: the
     * node's {@code collective.manager} when it is live and allowed, otherwise the first live
     * allowed member in natural order. Allowed are the members {@code collective.managercandidates}
     * names, or every member when it is unset (or no noderange). So members outside the
     * candidates never serve the node, and two members with the same view of who is live never
     * both answer.
     */
    boolean servesDeployment(String node);

    /**
     * Writes a discovered MAC into the node (PXE discovery's assign): the first unset
     * {@code net.<x>.hwaddr} of the node's named interfaces, else {@code net.hwaddr}; and makes
     * this member the node's manager when it has none.
     *
     * @return the attribute written
     * @throws RequestException NOT_FOUND for an unknown node, CONFLICT when the MAC belongs to
     *                          another node or every slot is taken, UNAVAILABLE without a quorum
     */
    String assignHwaddr(String node, String mac);
}
