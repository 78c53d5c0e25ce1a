package org.confluentcollective.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * busybox udhcpc in a network namespace against the responder in this JVM (see {@link Segment}),
 * on the real ports 67/68 of the segment's host interface.
 */
@Tag("slow")
class DhcpRealClientsTest {

    private static final String PXE = "PXEClient:Arch:00000:UNDI:002001";
    private static Segment segment;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSegment() throws Exception {
        segment = new Segment();
    }

    @AfterAll
    static void deleteSegment() throws Exception {
        segment.close();
    }

    private DhcpServer server(MapView view) throws Exception {
        return new DhcpServer(view, DhcpSettings.defaults(dir).withInterfaces(Set.of(Segment.HOST_IF))
                .withHttpPort(8080), Clock.systemUTC());
    }

    @Test
    void biosUefiAndIpxeClientsGetTheirBootFiles() throws Exception {
        MapView view = new MapView("m1", Set.of("*")).add("n1", "52:54:00:67:00:01", "10.231.67.21/24", "rocky9");
        try (DhcpServer server = server(view)) {
            segment.clientMac("52:54:00:67:00:01");
            assertEquals(List.of("bound ip=10.231.67.21 siaddr=10.231.67.1 boot_file=undionly.kpxe "
                    + "bootfile=undionly.kpxe serverid=10.231.67.1"), segment.udhcpc(dir, "-V", PXE, "-x", "0x5d:0000"));
            assertEquals(List.of("bound ip=10.231.67.21 siaddr=10.231.67.1 boot_file=ipxe.efi "
                    + "bootfile=ipxe.efi serverid=10.231.67.1"), segment.udhcpc(dir, "-V",
                    "PXEClient:Arch:00007:UNDI:003016", "-x", "0x5d:0007"));
            String url = "http://10.231.67.1:8080/boot/by-mac/52:54:00:67:00:01/boot.ipxe";
            assertEquals(List.of("bound ip=10.231.67.21 siaddr=10.231.67.1 boot_file=" + url + " bootfile=" + url
                    + " serverid=10.231.67.1"), segment.udhcpc(dir, "-V", PXE, "-x", "0x5d:0000", "-x",
                    "0x4d:69505845"));
            assertEquals(3, server.metrics().snapshot().answered() / 2, "an offer and an ack each");
        }
    }

    /**
     * UEFI HTTP boot as udhcpc can play it (vendor class and option 93 as EDK2 sends them): the URL
     * of the architecture's loader on the deployment port, in the file field and option 67;
     * arm64 only once its loader is in the loader root.
     */
    @Test
    void httpBootClientsGetTheirLoadersUrl() throws Exception {
        MapView view = new MapView("m1", Set.of("*")).add("n1", "52:54:00:67:00:01", "10.231.67.21/24", "rocky9");
        Path loaders = Files.createDirectories(dir.resolve("tftp"));
        try (DhcpServer server = new DhcpServer(view, DhcpSettings.defaults(dir)
                .withInterfaces(Set.of(Segment.HOST_IF)).withHttpPort(4010)
                .withLoaders(loaders, DhcpSettings.DEFAULT_ARM64_BOOT_FILE), Clock.systemUTC())) {
            segment.clientMac("52:54:00:67:00:01");
            String x64 = "http://10.231.67.1:4010/boot/loaders/ipxe.efi";
            assertEquals(List.of("bound ip=10.231.67.21 siaddr=10.231.67.1 boot_file=" + x64 + " bootfile=" + x64
                    + " serverid=10.231.67.1"), segment.udhcpc(dir, "-V", "HTTPClient:Arch:00016:UNDI:003001", "-x",
                    "0x5d:0010"));
            String[] arm64 = {"-V", "HTTPClient:Arch:00019:UNDI:003001", "-x", "0x5d:0013"};
            assertEquals(List.of(), segment.udhcpc(dir, arm64), "no arm64 loader yet");
            Files.createDirectories(loaders.resolve("aarch64"));
            Files.write(loaders.resolve("aarch64/ipxe.efi"), new byte[] {'M', 'Z'});
            String url = "http://10.231.67.1:4010/boot/loaders/aarch64/ipxe.efi";
            assertEquals(List.of("bound ip=10.231.67.21 siaddr=10.231.67.1 boot_file=" + url + " bootfile=" + url
                    + " serverid=10.231.67.1"), segment.udhcpc(dir, arm64));
            assertEquals(2, server.metrics().snapshot().answered() / 2, "an offer and an ack each");
        }
    }

    @Test
    void arm64PxeClientsGetTheArm64LoaderOnceItIsThere() throws Exception {
        MapView view = new MapView("m1", Set.of("*")).add("n1", "52:54:00:67:00:01", "10.231.67.21/24", "rocky9");
        Path loaders = Files.createDirectories(dir.resolve("tftp"));
        try (DhcpServer server = new DhcpServer(view, DhcpSettings.defaults(dir)
                .withInterfaces(Set.of(Segment.HOST_IF)).withHttpPort(4010)
                .withLoaders(loaders, DhcpSettings.DEFAULT_ARM64_BOOT_FILE), Clock.systemUTC())) {
            segment.clientMac("52:54:00:67:00:01");
            String[] arm64 = {"-V", "PXEClient:Arch:00011:UNDI:003016", "-x", "0x5d:000b"};
            assertEquals(List.of(), segment.udhcpc(dir, arm64), "no arm64 loader yet");
            Files.createDirectories(loaders.resolve("aarch64"));
            Files.write(loaders.resolve("aarch64/ipxe.efi"), new byte[] {'M', 'Z'});
            assertEquals(List.of("bound ip=10.231.67.21 siaddr=10.231.67.1 boot_file=aarch64/ipxe.efi "
                    + "bootfile=aarch64/ipxe.efi serverid=10.231.67.1"), segment.udhcpc(dir, arm64));
            String url = "http://10.231.67.1:4010/boot/by-mac/52:54:00:67:00:01/boot.ipxe";
            assertEquals(List.of("bound ip=10.231.67.21 siaddr=10.231.67.1 boot_file=" + url + " bootfile=" + url
                    + " serverid=10.231.67.1"), segment.udhcpc(dir, "-V", "PXEClient:Arch:00011:UNDI:003010", "-x",
                    "0x5d:000b", "-x", "0x4d:69505845"), "iPXE on arm64");
            assertEquals(2, server.metrics().snapshot().answered() / 2);
        }
    }

    @Test
    void anUnknownMacIsDiscoveredAndNotAnswered() throws Exception {
        try (DhcpServer server = server(new MapView("m1", Set.of("*")))) {
            segment.clientMac("52:54:00:67:00:99");
            assertEquals(List.of(), segment.udhcpc(dir, "-V", PXE, "-x", "0x5d:0000"));
            assertEquals("52:54:00:67:00:99", server.discovery().list().get(0).mac());
            assertEquals(0, server.metrics().snapshot().answered());
        }
        assertTrue(java.nio.file.Files.readString(dir.resolve("discovery-pxe.tsv")).startsWith("52:54:00:67:00:99\t0\t"),
                "kept in the state directory");
    }

    @Test
    void ofTwoMembersOnOneSegmentOnlyTheServingOneAnswers() throws Exception {
        MapView node = new MapView("m1", Set.of("n1")).add("n1", "52:54:00:67:00:01", "10.231.67.21/24", "rocky9");
        MapView other = new MapView("m2", Set.of()).add("n1", "52:54:00:67:00:01", "10.231.67.21/24", "rocky9");
        try (DhcpServer m1 = server(node); DhcpServer m2 = server(other)) {
            segment.clientMac("52:54:00:67:00:01");
            assertEquals(1, segment.udhcpc(dir, "-V", PXE, "-x", "0x5d:0000").size());
            assertEquals(2, m1.metrics().snapshot().answered());
            // m2 handles the same broadcasts on its own threads: the client may hold m1's ack before
            // m2 has looked at the request. Once m2 has seen both, what it answered is final.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (m2.metrics().snapshot().ignored() + m2.metrics().snapshot().answered() < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, m2.metrics().snapshot().answered());
            assertTrue(m2.metrics().snapshot().ignored() >= 2, "m2 saw the client: " + m2.metrics().snapshot());
        }
    }

    /**
     * Next to a site server (dnsmasq) that hands out addresses, the node with no address of ours
     * gets an address-less offer with the boot file: tcpdump in the client namespace sees both.
     */
    @Test
    void proxyOffersNextToASiteServer() throws Exception {
        MapView view = new MapView("m1", Set.of("*")).add("n2", "52:54:00:67:00:02", null, "rocky9");
        Process dnsmasq = new ProcessBuilder("ip", "netns", "exec", Segment.DNSMASQ_NS, "dnsmasq", "--no-daemon",
                "--conf-file=/dev/null", "--user=root", "--port=0", "--no-ping", "--interface=dhd0", "--bind-interfaces",
                "--dhcp-range=10.231.67.100,10.231.67.150,255.255.255.0,1h",
                "--dhcp-leasefile=" + dir.resolve("leases"), "--log-dhcp", "--log-facility=" + dir.resolve("dnsmasq.log"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.out").toFile()).start();
        Path capture = dir.resolve("client.pcap");
        Process tcpdump = new ProcessBuilder("ip", "netns", "exec", Segment.CLIENT_NS, "tcpdump", "-i",
                Segment.CLIENT_IF, "-n", "-U", "-w", capture.toString(), "udp", "src", "port", "67")
                .redirectErrorStream(true).redirectOutput(dir.resolve("tcpdump.out").toFile()).start();
        try (DhcpServer server = server(view)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(Files.readString(dir.resolve("tcpdump.out")).contains("listening on")
                    && Files.exists(dir.resolve("dnsmasq.log"))
                    && Files.readString(dir.resolve("dnsmasq.log")).contains("DHCP, IP range"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            segment.clientMac("52:54:00:67:00:02");
            // udhcpc, unlike PXE firmware, takes the first offer only (often our address-less
            // one, then gets no lease): the capture shows what a PXE client would combine.
            segment.udhcpc(dir, "-V", PXE, "-x", "0x5d:0000");
            // tcpdump may write a little later than the client finished.
            Map<String, List<DhcpPacket>> offers = offersBySource(Files.readAllBytes(capture));
            for (deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    offers.size() < 2 && System.nanoTime() < deadline; Thread.sleep(100)) {
                offers = offersBySource(Files.readAllBytes(capture));
            }
            assertEquals(Set.of(Segment.DNSMASQ, Segment.SERVER), offers.keySet(), Files.readString(
                    dir.resolve("dnsmasq.log")) + Files.readString(dir.resolve("udhcpc.log")));
            DhcpPacket site = offers.get(Segment.DNSMASQ).get(0);
            DhcpPacket ours = offers.get(Segment.SERVER).get(0);
            assertTrue(site.yiaddr().getHostAddress().startsWith("10.231.67.1"), "the site's address: " + site);
            assertEquals("", site.fileName());
            assertEquals(DhcpPacket.ZERO, ours.yiaddr());
            assertEquals("undionly.kpxe", ours.fileName());
            assertEquals(Segment.SERVER, ours.siaddr().getHostAddress());
            assertTrue(server.metrics().snapshot().answered() >= 1);
        } finally {
            tcpdump.destroy();
            dnsmasq.destroy();
            dnsmasq.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * proxyDHCP over real UDP: a client socket on a second host address (the client's ciaddr)
     * sends garbage, then a PXE DHCPREQUEST, to port 4011 of the server's address.
     */
    @Test
    void theProxyPortAcksARealRequestAndDropsGarbage() throws Exception {
        String clientAddress = "10.231.67.50";
        MapView view = new MapView("m1", Set.of("*")).add("n2", "52:54:00:67:00:02", null, "rocky9");
        Segment.run("ip", "addr", "add", clientAddress + "/24", "dev", Segment.HOST_IF);
        try (DhcpServer server = server(view);
                java.net.DatagramSocket client = new java.net.DatagramSocket(
                        new java.net.InetSocketAddress(clientAddress, 0))) {
            java.net.InetSocketAddress proxyPort = new java.net.InetSocketAddress(Segment.SERVER, 4011);
            java.util.Random random = new java.util.Random(4011);
            for (int i = 0; i < 200; i++) {
                byte[] garbage = new byte[random.nextInt(600)];
                random.nextBytes(garbage);
                client.send(new java.net.DatagramPacket(garbage, garbage.length, proxyPort));
            }
            byte[] request = Packets.withCiaddr(Packets.request(DhcpPacket.REQUEST, "52:54:00:67:00:02", 7, false,
                    null, null, null), clientAddress).encode();
            client.send(new java.net.DatagramPacket(request, request.length, proxyPort));
            client.setSoTimeout(5000);
            java.net.DatagramPacket received = new java.net.DatagramPacket(new byte[1500], 1500);
            client.receive(received);
            DhcpPacket ack = DhcpPacket.parse(received.getData(), 0, received.getLength());
            assertEquals(proxyPort, received.getSocketAddress(), "from the proxy port of the address asked");
            assertEquals(DhcpPacket.ACK, ack.messageType());
            assertEquals(DhcpPacket.ZERO, ack.yiaddr());
            assertEquals("ipxe.efi", ack.fileName());
            assertEquals(Segment.SERVER, ack.siaddr().getHostAddress());
            assertEquals(java.util.Optional.of("PXEClient"), ack.optionText(DhcpOption.VENDOR_CLASS));
            DhcpMetrics.Snapshot metrics = server.metrics().snapshot();
            assertEquals(1, metrics.answered(), metrics.toString());
            assertTrue(metrics.malformed() >= 190, "UDP may lose a few: " + metrics);
        } finally {
            Segment.run("ip", "addr", "del", clientAddress + "/24", "dev", Segment.HOST_IF);
        }
    }

    /** DHCP offers in a pcap file (Ethernet, IPv4, UDP from port 67), by source address. */
    static Map<String, List<DhcpPacket>> offersBySource(byte[] pcap) throws MalformedPacketException {
        return packets(pcap).stream().filter(e -> e.getValue().messageType() == DhcpPacket.OFFER)
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The DHCP packets in a pcap file (Ethernet, IPv4, UDP), with their source address, in order. */
    static List<Map.Entry<String, DhcpPacket>> packets(byte[] pcap) throws MalformedPacketException {
        if (pcap.length < 24) {
            return List.of();
        }
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        in.position(24);
        List<Map.Entry<String, DhcpPacket>> found = new ArrayList<>();
        while (in.remaining() >= 16) {
            in.position(in.position() + 8);
            int captured = in.getInt();
            in.getInt();
            int frame = in.position();
            if (frame + captured > pcap.length) {
                break;
            }
            int ip = frame + 14;
            int udp = ip + (pcap[ip] & 0x0f) * 4;
            String source = (pcap[ip + 12] & 0xff) + "." + (pcap[ip + 13] & 0xff) + "." + (pcap[ip + 14] & 0xff) + "."
                    + (pcap[ip + 15] & 0xff);
            found.add(Map.entry(source, DhcpPacket.parse(pcap, udp + 8, frame + captured - udp - 8)));
            in.position(frame + captured);
        }
        return found;
    }

    /** 10,000 random and mutated datagrams at the server's socket: no answer, then a client is served. */
    @Test
    void fuzzedDatagramsThenARealClient() throws Exception {
        MapView view = new MapView("m1", Set.of("*")).add("n1", "52:54:00:67:00:01", "10.231.67.21/24", "rocky9");
        try (DhcpServer server = server(view);
                java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
            java.util.Random random = new java.util.Random(2131);
            byte[] base = Packets.discover("52:54:00:67:00:77", 0).encode();
            java.net.InetSocketAddress target = new java.net.InetSocketAddress(Segment.SERVER, 67);
            for (int i = 0; i < 10_000; i++) {
                byte[] datagram;
                if (i % 2 == 0) {
                    datagram = new byte[random.nextInt(1400)];
                    random.nextBytes(datagram);
                } else {
                    datagram = base.clone();
                    for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                        datagram[random.nextInt(datagram.length)] = (byte) random.nextInt(256);
                    }
                }
                socket.send(new java.net.DatagramPacket(datagram, datagram.length, target));
                if (i % 50 == 0) {
                    Thread.sleep(1);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.metrics().snapshot().received() + server.metrics().snapshot().dropped() < 10_000
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            DhcpMetrics.Snapshot afterFuzz = server.metrics().snapshot();
            // UDP: the kernel may drop a few when the socket buffer is full; those never reach us.
            assertTrue(afterFuzz.received() + afterFuzz.dropped() >= 9_900, afterFuzz.toString());
            assertEquals(0, afterFuzz.answered(), afterFuzz.toString());
            assertTrue(afterFuzz.malformed() > 5_000, afterFuzz.toString());
            segment.clientMac("52:54:00:67:00:01");
            assertEquals(1, segment.udhcpc(dir, "-V", PXE, "-x", "0x5d:0000").size(), "served after the fuzzing");
        }
    }
}
