package org.confluentcollective.dhcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision, without sockets: boot files, static and address-less offers, acks, discovery, fuzzing. */
class DhcpResponderTest {

    private static final LocalAddress LOCAL = new LocalAddress("vh0", DhcpPacket.address(new byte[] {10, 77, 0, 1}), 24);
    private final DhcpMetrics metrics = new DhcpMetrics();
    private final MapView view = new MapView("m1", Set.of("n1", "n2", "n3", "n5", "n6", "n7"))
            .add("n1", "52:54:00:00:00:01", "10.77.0.21/24", "rocky9")
            .add("n2", "52:54:00:00:00:02", null, "rocky9")
            .add("n3", "52:54:00:00:00:03", "10.77.0.23", null)
            .add("n4", "52:54:00:00:00:04", "10.77.0.24", "rocky9")
            .add("n5", "52:54:00:00:00:05", "10.88.5.21/24", "10.88.5.254", "rocky9")
            .add("n6", "52:54:00:00:00:06", "10.88.6.21/24", "rocky9")
            .add("n7", "52:54:00:00:00:07", "10.88.7.21", "10.88.7.1", "rocky9");
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
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:01", 11)), "no arm64 loader");
        assertEquals(new DhcpMetrics.Snapshot(3, 0, 3, 0, 0, 0, 0), metrics.snapshot());
    }

    @Test
    void aNodeRefusingPlainBootGetsNothingWhateverItsFirmware() {
        view.refusingPlainBoot("52:54:00:00:00:01");
        for (int architecture : new int[] {0, 7, 9}) {
            assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:01", architecture)), "arch " + architecture);
        }
        assertEquals(List.of(), handle(Packets.request(DhcpPacket.DISCOVER, "52:54:00:00:00:01", 0, true, null, null,
                null)), "iPXE");
        assertEquals(1, handle(Packets.discover("52:54:00:00:00:02", 0)).size(), "another node still boots");
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

    private List<DhcpResponder.Reply> relayed(DhcpPacket packet, String giaddr, int hops, byte[] agent) {
        byte[] wire = Packets.relayed(packet, giaddr, hops, agent).encode();
        return responder.handle(wire, wire.length, LOCAL.address());
    }

    @Test
    void aRelayedRequestIsMatchedByGiaddrAndAnsweredToTheRelay() {
        byte[] agent = {1, 4, 'e', 't', 'h', '7', 2, 2, 0, 9};
        DhcpResponder.Reply offer = relayed(Packets.discover("52:54:00:00:00:05", 7), "10.88.5.1", 2, agent).get(0);
        assertEquals(new InetSocketAddress("10.88.5.1", 67), offer.to(), "the relay's server port");
        DhcpPacket packet = offer.packet();
        assertEquals("10.88.5.21", packet.yiaddr().getHostAddress());
        assertEquals("10.88.5.1", packet.giaddr().getHostAddress());
        assertEquals(2, packet.hops());
        assertEquals(LOCAL.address(), packet.siaddr(), "the address the relay sent to");
        assertEquals("ipxe.efi", packet.fileName());
        assertArrayEquals(new byte[] {(byte) 255, (byte) 255, (byte) 255, 0}, packet.option(DhcpOption.SUBNET_MASK)
                .orElseThrow());
        assertArrayEquals(new byte[] {10, 88, 5, (byte) 254}, packet.option(DhcpOption.ROUTER).orElseThrow());
        assertArrayEquals(agent, packet.option(DhcpOption.RELAY_AGENT).orElseThrow(), "echoed verbatim");
        assertEquals(DhcpOption.RELAY_AGENT, packet.options().get(packet.options().size() - 1).code());
        DhcpPacket ack = relayed(Packets.request(DhcpPacket.REQUEST, "52:54:00:00:00:05", 7, false,
                LOCAL.address().getAddress(), new byte[] {10, 88, 5, 21}, null), "10.88.5.1", 1, null).get(0).packet();
        assertEquals(DhcpPacket.ACK, ack.messageType());
        assertEquals(Optional.empty(), ack.option(DhcpOption.RELAY_AGENT), "none came");
        assertEquals(2, metrics.snapshot().relayed());
    }

    @Test
    void withoutAGatewayTheRelayIsTheRouterAndWithoutAPrefixTheOfferIsAddressless() {
        DhcpPacket offer = relayed(Packets.discover("52:54:00:00:00:06", 0), "10.88.6.1", 1, null).get(0).packet();
        assertEquals("10.88.6.21", offer.yiaddr().getHostAddress());
        assertArrayEquals(new byte[] {10, 88, 6, 1}, offer.option(DhcpOption.ROUTER).orElseThrow());
        DhcpPacket proxy = relayed(Packets.discover("52:54:00:00:00:07", 0), "10.88.7.1", 1, null).get(0).packet();
        assertEquals(DhcpPacket.ZERO, proxy.yiaddr(), "no prefix: the remote subnet is unknown");
        assertEquals("undionly.kpxe", proxy.fileName());
        assertEquals("10.88.7.1", proxy.giaddr().getHostAddress());
        DhcpResponder.Reply local = handle(Packets.discover("52:54:00:00:00:01", 0)).get(0);
        assertEquals(DhcpPacket.ZERO, local.packet().giaddr(), "a local client is still answered on its segment");
        assertEquals(new InetSocketAddress("255.255.255.255", 68), local.to());
    }

    @Test
    void aRelayFromAnotherSubnetOrToAnUnservedAddressIsNotGivenTheStaticAddress() {
        DhcpPacket other = relayed(Packets.discover("52:54:00:00:00:05", 0), "10.88.9.1", 1, null).get(0).packet();
        assertEquals(DhcpPacket.ZERO, other.yiaddr(), "giaddr off the node's subnet: address-less at most");
        byte[] wire = Packets.relayed(Packets.discover("52:54:00:00:00:05", 0), "10.88.5.1", 1, null).encode();
        assertEquals(List.of(), responder.handle(wire, wire.length, null), "not received on a served address");
        assertEquals(List.of(), responder.handle(wire, wire.length, Packets.address("10.99.0.1")));
    }

    @Test
    void badGiaddrAndTooManyHopsAreMalformed() {
        for (String giaddr : List.of("255.255.255.255", "224.0.0.1", "127.0.0.1", "0.1.2.3", "240.0.0.1")) {
            assertEquals(List.of(), relayed(Packets.discover("52:54:00:00:00:05", 0), giaddr, 1, null), giaddr);
        }
        assertEquals(List.of(), relayed(Packets.discover("52:54:00:00:00:05", 0), "10.88.5.1", 17, null));
        assertEquals(List.of(), relayed(Packets.discover("52:54:00:00:00:05", 0), "10.88.5.1", 1,
                new byte[] {1, 5, 'x'}), "a sub-option longer than option 82");
        assertEquals(7, metrics.snapshot().malformed());
        assertEquals(1, relayed(Packets.discover("52:54:00:00:00:05", 0), "10.88.5.1", 16, null).size());
    }

    /** A client with an address (ciaddr) asks the proxyDHCP port. */
    private List<DhcpResponder.Reply> proxy(int type, String mac, int arch, String ciaddr, int port) {
        byte[] wire = Packets.withCiaddr(Packets.request(type, mac, arch, false, null, null, null), ciaddr).encode();
        return responder.handleProxy(wire, wire.length, LOCAL.address(), new InetSocketAddress(ciaddr, port));
    }

    @Test
    void theProxyPortAcksTheBootFileToTheClientsAddress() {
        DhcpResponder.Reply reply = proxy(DhcpPacket.REQUEST, "52:54:00:00:00:02", 7, "10.77.0.50", 4011).get(0);
        assertEquals(new InetSocketAddress("10.77.0.50", 4011), reply.to(), "unicast to ciaddr and its port");
        DhcpPacket ack = reply.packet();
        assertEquals(DhcpPacket.ACK, ack.messageType());
        assertEquals(DhcpPacket.ZERO, ack.yiaddr());
        assertEquals("10.77.0.50", ack.ciaddr().getHostAddress());
        assertEquals(LOCAL.address(), ack.siaddr());
        assertArrayEquals(LOCAL.address().getAddress(), ack.option(DhcpOption.SERVER_ID).orElseThrow());
        assertEquals("ipxe.efi", ack.fileName());
        assertEquals(Optional.of("PXEClient"), ack.optionText(DhcpOption.VENDOR_CLASS));
        assertTrue(ack.option(43).isPresent());
        assertEquals(Optional.empty(), ack.option(DhcpOption.LEASE_TIME));
        assertEquals(new InetSocketAddress("10.77.0.50", 68),
                proxy(DhcpPacket.INFORM, "52:54:00:00:00:02", 0, "10.77.0.50", 68).get(0).to(), "INFORM too");
    }

    @Test
    void theProxyPortAnswersOnlyKnownPxeClientsWithAnAddress() {
        assertEquals(List.of(), proxy(DhcpPacket.REQUEST, "52:54:00:00:00:02", 0, "0.0.0.0", 4011), "no ciaddr");
        assertEquals(List.of(), proxy(DhcpPacket.DISCOVER, "52:54:00:00:00:02", 0, "10.77.0.50", 4011));
        assertEquals(List.of(), proxy(DhcpPacket.REQUEST, "52:54:00:00:00:04", 0, "10.77.0.50", 4011),
                "another member's node");
        assertEquals(List.of(), proxy(DhcpPacket.REQUEST, "52:54:00:00:00:97", 0, "10.77.0.50", 4011), "unknown");
        assertTrue(discovery.list().isEmpty(), "discovery is port 67's");
        byte[] wire = Packets.request(DhcpPacket.REQUEST, "52:54:00:00:00:02", 0, false, null, null, null).encode();
        assertEquals(List.of(), responder.handleProxy(wire, wire.length, Packets.address("10.99.0.1"),
                new InetSocketAddress("10.77.0.50", 4011)),
                "not a served address");
        byte[] garbage = java.util.Arrays.copyOf(wire, 100);
        assertEquals(List.of(), responder.handleProxy(garbage, garbage.length, LOCAL.address(),
                new InetSocketAddress("10.77.0.50", 4011)));
        byte[] elsewhere = Packets.withCiaddr(Packets.request(DhcpPacket.REQUEST, "52:54:00:00:00:02", 0, false, null,
                null, null), "10.77.0.50").encode();
        assertEquals(List.of(), responder.handleProxy(elsewhere, elsewhere.length, LOCAL.address(),
                new InetSocketAddress("10.77.0.99", 4011)), "ciaddr names another host than the sender");
        assertEquals(1, metrics.snapshot().malformed());
    }

    private static final String LOADERS = "http://10.77.0.1:8080/boot/loaders/";

    @Test
    void httpBootClientsGetTheirLoadersUrlWithVendorClassHttpClient() {
        DhcpPacket offer = handle(Packets.discover("52:54:00:00:00:01", 16)).get(0).packet();
        assertEquals(LOADERS + "ipxe.efi", offer.fileName());
        assertEquals(offer.fileName(), offer.optionText(DhcpOption.BOOTFILE).orElseThrow(), "asked for in option 55");
        assertEquals("10.77.0.21", offer.yiaddr().getHostAddress(), "static as for PXE");
        assertEquals(Optional.of("HTTPClient"), offer.optionText(DhcpOption.VENDOR_CLASS));
        assertEquals(Optional.empty(), offer.option(43), "no PXE boot server discovery");
        DhcpPacket ack = handle(Packets.request(DhcpPacket.REQUEST, "52:54:00:00:00:01", 16, false,
                LOCAL.address().getAddress(), new byte[] {10, 77, 0, 21}, null)).get(0).packet();
        assertEquals(DhcpPacket.ACK, ack.messageType());
        assertEquals(LOADERS + "ipxe.efi", ack.fileName());
        assertEquals(Optional.of("HTTPClient"), ack.optionText(DhcpOption.VENDOR_CLASS));
        DhcpPacket addressless = handle(Packets.discover("52:54:00:00:00:02", 16)).get(0).packet();
        assertEquals(DhcpPacket.ZERO, addressless.yiaddr());
        assertEquals(LOADERS + "ipxe.efi", addressless.fileName());
        assertEquals(Optional.of("HTTPClient"), addressless.optionText(DhcpOption.VENDOR_CLASS));
        DhcpPacket relayedOffer = relayed(Packets.discover("52:54:00:00:00:05", 16), "10.88.5.1", 1, null).get(0)
                .packet();
        assertEquals("10.88.5.21", relayedOffer.yiaddr().getHostAddress());
        assertEquals(LOADERS + "ipxe.efi", relayedOffer.fileName(), "the address the relay sent to");
        DhcpPacket ipxe = handle(Packets.request(DhcpPacket.DISCOVER, "52:54:00:00:00:01", 7, true, null, null,
                null)).get(0).packet();
        assertEquals("http://10.77.0.1:8080/boot/by-mac/52:54:00:00:00:01/boot.ipxe", ipxe.fileName(),
                "the loader's iPXE then gets its script");
    }

    @Test
    void httpBootFollowsThePxeRulesForWhoIsAnswered() {
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:03", 16)), "no pending profile");
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:04", 16)), "served by another member");
        assertEquals(List.of(), handle(Packets.withVendorClass(Packets.discover("52:54:00:00:00:02", 16),
                "PXEClient:Arch:00016")), "address-less only to vendor class HTTPClient");
        assertEquals(List.of(), handle(Packets.withVendorClass(Packets.discover("52:54:00:00:00:02", 16), null)));
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:01", 19)), "no arm64 loader");
        assertEquals(List.of(), handle(Packets.discover("52:54:00:00:00:96", 16)));
        assertEquals("uefi-httpboot", discovery.find("52:54:00:00:00:96").orElseThrow().architectureName());
        assertEquals(List.of(), proxy(DhcpPacket.REQUEST, "52:54:00:00:00:02", 16, "10.77.0.50", 4011),
                "no proxyDHCP step for HTTP boot");
    }

    @Test
    void arm64HttpBootGetsTheArm64LoaderWhileItIsThere(@TempDir Path loaders) throws Exception {
        DhcpResponder arm = new DhcpResponder(view, () -> List.of(LOCAL), DhcpSettings.defaults(null)
                .withHttpPort(8080).withLoaders(loaders, DhcpSettings.DEFAULT_ARM64_BOOT_FILE), discovery, metrics);
        byte[] wire = Packets.discover("52:54:00:00:00:02", 19).encode();
        assertEquals(List.of(), arm.handle(wire, wire.length, null), "not copied in yet");
        Files.createDirectories(loaders.resolve("aarch64"));
        Files.write(loaders.resolve("aarch64/ipxe.efi"), new byte[] {'M', 'Z'});
        DhcpPacket offer = arm.handle(wire, wire.length, null).get(0).packet();
        assertEquals(LOADERS + "aarch64/ipxe.efi", offer.fileName());
        assertEquals(Optional.of("HTTPClient"), offer.optionText(DhcpOption.VENDOR_CLASS));
    }

    @Test
    void arm64PxeGetsTheArm64LoaderOverTftpAndItsIpxeTheScript(@TempDir Path loaders) throws Exception {
        Files.createDirectories(loaders.resolve("aarch64"));
        Files.write(loaders.resolve("aarch64/ipxe.efi"), new byte[] {'M', 'Z'});
        DhcpResponder arm = new DhcpResponder(view, () -> List.of(LOCAL), DhcpSettings.defaults(null)
                .withHttpPort(8080).withLoaders(loaders, DhcpSettings.DEFAULT_ARM64_BOOT_FILE), discovery, metrics);
        byte[] wire = Packets.discover("52:54:00:00:00:01", 11).encode();
        DhcpPacket offer = arm.handle(wire, wire.length, null).get(0).packet();
        assertEquals("aarch64/ipxe.efi", offer.fileName());
        assertEquals("10.77.0.21", offer.yiaddr().getHostAddress());
        assertEquals(Optional.of("PXEClient"), offer.optionText(DhcpOption.VENDOR_CLASS));
        assertTrue(offer.option(43).isPresent(), "EDK2's PXE needs it, on arm64 too");
        wire = Packets.discover("52:54:00:00:00:02", 11).encode();
        assertEquals("aarch64/ipxe.efi", arm.handle(wire, wire.length, null).get(0).packet().fileName(),
                "address-less to PXEClient");
        wire = Packets.request(DhcpPacket.DISCOVER, "52:54:00:00:00:01", 11, true, null, null, null).encode();
        assertEquals("http://10.77.0.1:8080/boot/by-mac/52:54:00:00:00:01/boot.ipxe",
                arm.handle(wire, wire.length, null).get(0).packet().fileName(), "iPXE on arm64 as on x64");
        wire = Packets.withCiaddr(Packets.request(DhcpPacket.REQUEST, "52:54:00:00:00:02", 11, false, null, null,
                null), "10.77.0.50").encode();
        assertEquals("aarch64/ipxe.efi", arm.handleProxy(wire, wire.length, LOCAL.address(),
                new InetSocketAddress("10.77.0.50", 4011)).get(0).packet()
                .fileName(), "and on the proxyDHCP port");
        Files.delete(loaders.resolve("aarch64/ipxe.efi"));
        wire = Packets.discover("52:54:00:00:00:01", 11).encode();
        assertEquals(List.of(), arm.handle(wire, wire.length, null), "gone: left to other boot options");
        wire = Packets.discover("52:54:00:00:00:95", 11).encode();
        assertEquals(List.of(), arm.handle(wire, wire.length, null));
        assertEquals("uefi-aarch64", discovery.find("52:54:00:00:00:95").orElseThrow().architectureName(),
                "discovered with or without the loader");
    }

    /** The URL must fit the file field (127 bytes and a NUL); a longer one is refused, not redirected. */
    @Test
    void anHttpBootUrlLongerThanTheFileFieldIsNotOffered(@TempDir Path loaders) throws Exception {
        int room = 127 - LOADERS.length();
        for (int length : new int[] {room, room + 1}) {
            String name = "a".repeat(length - 4) + ".efi";
            Files.write(loaders.resolve(name), new byte[] {'M', 'Z'});
            DhcpResponder arm = new DhcpResponder(view, () -> List.of(LOCAL), DhcpSettings.defaults(null)
                    .withHttpPort(8080).withLoaders(loaders, name), discovery, metrics);
            byte[] wire = Packets.discover("52:54:00:00:00:01", 19).encode();
            List<DhcpResponder.Reply> replies = arm.handle(wire, wire.length, null);
            if (length == room) {
                assertEquals(LOADERS + name, replies.get(0).packet().fileName(), "127 bytes fit");
            } else {
                assertEquals(List.of(), replies, "128 do not");
            }
        }
    }

    @Test
    void loaderNamesMustBePathSegmentsUnderTheRoot() {
        for (String bad : List.of("", "/etc/shadow", "../x.efi", "a/../../x.efi", "a b.efi", "a//b.efi", "x.efi?y")) {
            assertThrows(IllegalArgumentException.class,
                    () -> DhcpSettings.defaults(null).withLoaders(Path.of("/tmp"), bad), bad);
        }
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
