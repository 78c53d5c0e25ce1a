package org.confluentcollective.dhcp;

import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One IPv4 address of this member, with its interface and prefix: the subnet it serves and the
 * address a reply names as server (siaddr, option 54).
 */
public record LocalAddress(String interfaceName, Inet4Address address, int prefix) {

    public LocalAddress {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix " + prefix);
        }
    }

    public boolean contains(Inet4Address other) {
        int mask = mask(prefix);
        return (toInt(address) & mask) == (toInt(other) & mask);
    }

    public Inet4Address netmask() {
        return fromInt(mask(prefix));
    }

    /**
     * The IPv4 addresses of the up, non-loopback interfaces, restricted to {@code allowed}
     * when it is not empty.
     */
    public static List<LocalAddress> ofInterfaces(Set<String> allowed) {
        List<LocalAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || !allowed.isEmpty() && !allowed.contains(nic.getName())) {
                    continue;
                }
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    if (address.getAddress() instanceof Inet4Address v4) {
                        found.add(new LocalAddress(nic.getName(), v4, address.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (SocketException e) {
            // An interface vanishing while listed: the next refresh sees the new state.
            return List.of();
        }
        return List.copyOf(found);
    }

    static int toInt(Inet4Address address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    static Inet4Address fromInt(int value) {
        return DhcpPacket.address(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8),
            (byte) value});
    }

    static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }
}
