package org.confluentcollective.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision, without sockets: boot files, static and address-less offers, acks, discovery, fuzzing. */
class DhcpResponderTest {

    private static final LocalAddress LOCAL = new LocalAddress("vh0", DhcpPacket.address(new byte[] {10, 77, 0, 1}), 24);
    private final DhcpMetrics metrics = new DhcpMetrics();
    private final MapView view = new MapView("m1", Set.of("n1", "n2", "n3"))
            .add("n1", "52:54:00:00:00:01", "10.77.0.21/24", "rocky9")
            .add("n2", "52:54:00:00:00:02", null, "rocky9")
            .add("n3", "52:54:00:00:00:03", "10.77.0.23", null)
            .add("n4", "52:54:00:00:00:04", "10.77.0.24", "rocky9");
    private final DiscoveryList discovery = new DiscoveryList(null, 100, Duration.ofSeconds(90), Clock.systemUTC(),
            view);
    private final DhcpResponder responder = new DhcpResponder(view, () -> List.of(LOCAL),
            DhcpSettings.defaults(null).withHttpPort(8080), discovery, metrics);

    private List<DhcpResponder.Reply> handle(DhcpPacket packet) {
        byte[] wire = packet.encode();
        return responder.handle(wire, wire.length, null);
    }

    @Test
    void staticOffersCarryTheAddressAndTheBootFileOfTheFirmware() {
        DhcpResponder.Reply bios = handle(Packets.discover("52:54:00:00:00:01", 0)).get(0);
        assertEquals("undionly.kpxe", bios.packet().fileName());
        assertEquals("10.77.0.21", bios.packet().yiaddr().getHostAddress());
        assertEquals(LOCAL.address(), bios.packet().siaddr());
        assertEquals(DhcpPacket.OFFER, bios.packet().messageType());
        assertEquals(new InetSocketAddress("255.255.255.255", 68), bios.to());
        assertEquals("ipxe.efi", handle(Packets.discover("52:54:00:00:00:01", 7)).get(0).packet().fileName());
        assertEquals("ipxe.efi", handle(Packets.discover("52:54:00:00:00:01", 9)).get(0).packet().fileName());
        DhcpPacket ipxe = handle(Packets.request(DhcpPacket.DISCOVER, "52:54:00:00:00:01", 0, true, null, null,
                null)).get(0).packet();
        assertEquals("http://10.77.0.1:8080/boot/by-mac/52:54:00:00:00:01/boot.ipxe", ipxe.fileName());
        assertEquals(ipxe.fileName(), ipxe.optionText(DhcpOption.BOOTFILE).orElseThrow(), "asked for in option 55");
    }

    @Test
    void onlyARequestForThisServerAndTheOfferedAddressIsAcked() {
        byte[] us = LOCAL.address().getAddress();
        DhcpPacket ack = handle(Packets.request(DhcpPacket.REQUEST, "52:54:00:00:00:01", 0, false, us,
                new byte[] {10, 77, 0, 21}, null)).get(0).packet();
        assertEquals(DhcpPacket.ACK, ack.messageType());
        assertEquals("10.77.0.21", ack.yiaddr().getHostAddress());
        assertEquals(List.of(), handle(Packets.request(DhcpPacket.REQUEST, "52:54:00:00:00:01", 0, false,
                new byte[] {10, 77, 0, 2}, new byte[] {10, 77, 0, 21}, null)), "another server");
        assertEquals(List.of(), handle(Packets.request(DhcpPacket.REQUEST, "52:54:00:00:00:01", 0, false, us,
                new byte[] {10, 77, 0, 99}, null)), "another address");
    }

    @Test
    void withoutAnAddressOnOurSubnetTheOfferIsAddressless() {
        DhcpPacket offer = handle(Packets.discover("52:54:00:00:00:02", 0)).get(0).packet();
        assertEquals(DhcpPacket.ZERO, offer.yiaddr());
        assertEquals("undionly.kpxe", offer.fileName());
        assertEquals(Optional.of("PXEClient"), offer.optionText(DhcpOption.VENDOR_CLASS));
        assertEquals(Optional.empty(), offer.option(DhcpOption.LEASE_TIME));
    }

    @Test
    void noPendingProfileOrAnotherMembersNodeOrNoFirmwareGetsNothing() {
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:03", 0)), "no pending profile");
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:04", 0)), "served by another member");
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:01", 11)), "arm64 is not served");
        assertEquals(new DhcpMetrics.Snapshot(3, 0, 3, 0, 0, 0), metrics.snapshot());
    }

    @Test
    void unknownClientsAreDiscoveredOncePerInterval() {
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:99", 7)));
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:99", 7)));
        assertEquals(1, discovery.list().size());
        assertEquals(7, discovery.list().get(0).architecture());
        assertEquals(1, metrics.snapshot().discovered());
        discovery.assign("52:54:00:00:00:99", "n9");
        assertTrue(discovery.list().isEmpty());
        assertEquals("n9", view.nodeByMac("52:54:00:00:00:99").orElseThrow().name());
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:98", 0)));
        assertEquals("bios-x86", discovery.find("52-54-00-00-00-98").orElseThrow().architectureName());
        assertTrue(discovery.forget("52:54:00:00:00:98"));
        assertFalse(discovery.forget("52:54:00:00:00:98"));
    }

    /** Random and mutated datagrams: nothing escapes, garbage gets no answer, a client is served after. */
    @Test
    void fuzzing() {
        Random random = new Random(4578);
        byte[] good = Packets.discover("52:54:00:00:00:01", 0).encode();
        int answeredGarbage = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram;
            if (i % 2 == 0) {
                datagram = new byte[random.nextInt(700)];
                random.nextBytes(datagram);
            } else {
                datagram = good.clone();
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    datagram[DhcpPacket.MIN_LENGTH + random.nextInt(datagram.length - DhcpPacket.MIN_LENGTH)] =
                            (byte) random.nextInt(256);
                }
                if (random.nextBoolean()) {
                    datagram = java.util.Arrays.copyOf(datagram, random.nextInt(datagram.length + 1));
                }
            }
            answeredGarbage += responder.handle(datagram, datagram.length, null).size();
        }
        DhcpMetrics.Snapshot after = metrics.snapshot();
        assertEquals(20_000, after.received());
        assertTrue(after.malformed() > 15_000, "most are malformed: " + after);
        // A mutation may leave a valid discover for n1 (a flipped pad byte): those are answered rightly.
        assertTrue(answeredGarbage == after.answered() && after.answered() < 2_000, after.toString());
        assertEquals(1, handle(Packets.discover("52:54:00:00:00:01", 0)).size());
    }
}
