package org.confluentcollective.server.api;

import java.util.List;

/**
 * A node as its network boot needs it, read from the effective attributes at the time of the
 * boot packet (so a changed profile or address counts at once).
 *
 * @param name           the node
 * @param pendingProfile {@code deployment.pendingprofile}, or null: the node is not to be deployed
 * @param interfaces     its network interfaces, the unnamed one ({@code net.*}) first, then the
 *                       named ones ({@code net.<x>.*}) in natural order
 * @param plainBootRefused {@code deployment.useinsecureprotocols} is {@code never}: no PXE, TFTP or
 *                       plain-HTTP boot for it, which is all the boot this collective serves. The
 *                       original's default; here it takes an explicit {@code never} (docs/dhcp.md)
 */
public record BootNode(String name, String pendingProfile, List<BootInterface> interfaces,
                       boolean plainBootRefused) {

    public BootNode {
        interfaces = List.copyOf(interfaces);
    }

    /**
     * One {@code net.<x>} of a node; each field is null when unset.
     *
     * @param name        {@code x}, or empty for the unnamed {@code net.*} attributes
     * @param hwaddr      normalised MAC ({@code aa:bb:cc:dd:ee:ff})
     * @param ipv4Address {@code ipv4_address}, possibly with a {@code /prefix}
     */
    public record BootInterface(String name, String hwaddr, String ipv4Address, String ipv4Gateway,
                                String ipv4Method) {
    }
}
