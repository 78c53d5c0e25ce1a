package org.confluentcollective.dhcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.server.api.MacAddress;

/** Client packets as PXE firmware and iPXE send them. */
final class Packets {

    private Packets() {
    }

    static byte[] mac(String text) {
        return java.util.HexFormat.of().parseHex(MacAddress.normalise(text).orElseThrow().replace(":", ""));
    }

    /** A DISCOVER (or REQUEST with server id and address) from a client of the given architecture. */
    static DhcpPacket request(int type, String mac, int arch, boolean ipxe, byte[] serverId, byte[] requested,
                              byte[] uuid) {
        List<DhcpOption> options = new ArrayList<>();
        options.add(new DhcpOption(DhcpOption.MESSAGE_TYPE, new byte[] {(byte) type}));
        if (serverId != null) {
            options.add(new DhcpOption(DhcpOption.SERVER_ID, serverId));
        }
        if (requested != null) {
            options.add(new DhcpOption(DhcpOption.REQUESTED_ADDRESS, requested));
        }
        options.add(new DhcpOption(55, new byte[] {1, 3, 43, 60, 66, 67}));
        // UEFI HTTP boot clients (x64 16, arm64 19) say HTTPClient, PXE firmware and iPXE PXEClient.
        String vendor = arch == 16 || arch == 19 ? "HTTPClient" : "PXEClient";
        options.add(new DhcpOption(DhcpOption.VENDOR_CLASS,
                String.format("%s:Arch:%05d:UNDI:003016", vendor, arch).getBytes(StandardCharsets.US_ASCII)));
        options.add(new DhcpOption(DhcpOption.CLIENT_ARCH, new byte[] {(byte) (arch >> 8), (byte) arch}));
        options.add(new DhcpOption(DhcpOption.CLIENT_NDI, new byte[] {1, 3, 16}));
        if (uuid != null) {
            byte[] option = new byte[17];
            System.arraycopy(uuid, 0, option, 1, 16);
            options.add(new DhcpOption(DhcpOption.CLIENT_UUID, option));
        }
        if (ipxe) {
            options.add(new DhcpOption(DhcpOption.USER_CLASS, "iPXE".getBytes(StandardCharsets.US_ASCII)));
        }
        return new DhcpPacket(DhcpPacket.BOOTREQUEST, 1, 6, 0, 0x1234abcd, 4, DhcpPacket.BROADCAST_FLAG,
                DhcpPacket.ZERO, DhcpPacket.ZERO, DhcpPacket.ZERO, DhcpPacket.ZERO, mac(mac), new byte[0],
                new byte[0], options);
    }

    /** The packet as a relay agent forwards it: giaddr and hops set, option 82 appended when given. */
    static DhcpPacket relayed(DhcpPacket packet, String giaddr, int hops, byte[] agentOption) {
        List<DhcpOption> options = new ArrayList<>(packet.options());
        if (agentOption != null) {
            options.add(new DhcpOption(DhcpOption.RELAY_AGENT, agentOption));
        }
        return new DhcpPacket(packet.op(), packet.htype(), packet.hlen(), hops, packet.xid(), packet.secs(),
                packet.flags(), packet.ciaddr(), packet.yiaddr(), packet.siaddr(), address(giaddr), packet.chaddr(),
                packet.sname(), packet.file(), options);
    }

    /** The packet from a client that has an address. */
    static DhcpPacket withCiaddr(DhcpPacket p, String ciaddr) {
        return new DhcpPacket(p.op(), p.htype(), p.hlen(), p.hops(), p.xid(), p.secs(), 0, address(ciaddr), p.yiaddr(),
                p.siaddr(), p.giaddr(), p.chaddr(), p.sname(), p.file(), p.options());
    }

    /** The packet with another vendor class (option 60), or none for null. */
    static DhcpPacket withVendorClass(DhcpPacket p, String vendorClass) {
        List<DhcpOption> options = new ArrayList<>(p.options().stream()
                .filter(o -> o.code() != DhcpOption.VENDOR_CLASS).toList());
        if (vendorClass != null) {
            options.add(new DhcpOption(DhcpOption.VENDOR_CLASS, vendorClass.getBytes(StandardCharsets.US_ASCII)));
        }
        return new DhcpPacket(p.op(), p.htype(), p.hlen(), p.hops(), p.xid(), p.secs(), p.flags(), p.ciaddr(),
                p.yiaddr(), p.siaddr(), p.giaddr(), p.chaddr(), p.sname(), p.file(), options);
    }

    static java.net.Inet4Address address(String dotted) {
        return DhcpResponder.ipv4(dotted).orElseThrow();
    }

    static DhcpPacket discover(String mac, int arch) {
        return request(DhcpPacket.DISCOVER, mac, arch, false, null, null, null);
    }
}
