package org.confluentcollective.dhcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * busybox udhcpc behind a real relay agent (ISC dhcrelay in a router namespace, see
 * {@link RoutedSegment}) and on the server's own segment, against the responder in this JVM on
 * the real ports 67/68.
 */
@Tag("slow")
class DhcpRelayTest {

    private static final String PXE = "PXEClient:Arch:00000:UNDI:002001";
    private static final String FIELDS = "ip=$ip subnet=$subnet router=$router siaddr=$siaddr boot_file=$boot_file "
            + "serverid=$serverid";
    private static RoutedSegment segment;

    @TempDir
    Path dir;

    @BeforeAll
    static void createSegment() throws Exception {
        segment = new RoutedSegment();
    }

    @AfterAll
    static void deleteSegment() throws Exception {
        segment.close();
    }

    @Test
    void aClientBehindARelayAndALocalClientGetTheirAddressesAndBootFiles() throws Exception {
        MapView view = new MapView("m1", Set.of("*"))
                .add("r1", "52:54:00:71:00:01", "10.231.71.21/24", "10.231.71.254", "rocky9")
                .add("r2", "52:54:00:71:00:02", "10.231.71.22/24", "rocky9")
                .add("l1", "52:54:00:70:00:01", "10.231.70.21/24", "rocky9");
        Path capture = dir.resolve("relay.pcap");
        Process tcpdump = new ProcessBuilder("ip", "netns", "exec", RoutedSegment.ROUTER_NS, "tcpdump", "-i",
                RoutedSegment.ROUTER_UP_IF, "-n", "-U", "-w", capture.toString(), "udp", "port", "67")
                .redirectErrorStream(true).redirectOutput(dir.resolve("tcpdump.out").toFile()).start();
        Process relay = segment.startRelay(dir.resolve("dhcrelay.log"));
        try (DhcpServer server = new DhcpServer(view, DhcpSettings.defaults(dir)
                .withInterfaces(Set.of(RoutedSegment.HOST_IF)), Clock.systemUTC())) {
            awaitLog(dir.resolve("tcpdump.out"), "listening on");
            awaitLog(dir.resolve("dhcrelay.log"), "Sending on");
            RoutedSegment.mac(RoutedSegment.REMOTE_NS, RoutedSegment.REMOTE_IF, "52:54:00:71:00:01");
            assertEquals(List.of("bound ip=10.231.71.21 subnet=255.255.255.0 router=10.231.71.254 siaddr=10.231.70.1 "
                    + "boot_file=undionly.kpxe serverid=10.231.70.1"), udhcpc(RoutedSegment.REMOTE_NS,
                    RoutedSegment.REMOTE_IF, "-V", PXE, "-x", "0x5d:0000"), Files.readString(dir.resolve("dhcrelay.log")));
            RoutedSegment.mac(RoutedSegment.REMOTE_NS, RoutedSegment.REMOTE_IF, "52:54:00:71:00:02");
            assertEquals(List.of("bound ip=10.231.71.22 subnet=255.255.255.0 router=10.231.71.1 siaddr=10.231.70.1 "
                    + "boot_file=ipxe.efi serverid=10.231.70.1"), udhcpc(RoutedSegment.REMOTE_NS,
                    RoutedSegment.REMOTE_IF, "-V", "PXEClient:Arch:00007:UNDI:003016", "-x", "0x5d:0007"),
                    "no gateway: the relay is the router");
            RoutedSegment.mac(RoutedSegment.LOCAL_NS, RoutedSegment.LOCAL_IF, "52:54:00:70:00:01");
            assertEquals(List.of("bound ip=10.231.70.21 subnet=255.255.255.0 router= siaddr=10.231.70.1 "
                    + "boot_file=undionly.kpxe serverid=10.231.70.1"), udhcpc(RoutedSegment.LOCAL_NS,
                    RoutedSegment.LOCAL_IF, "-V", PXE, "-x", "0x5d:0000"), "the local segment is served as before");
            DhcpMetrics.Snapshot metrics = server.metrics().snapshot();
            assertEquals(6, metrics.answered(), metrics.toString());
            assertEquals(4, metrics.relayed(), "offer and ack of each remote client: " + metrics);

            // On the wire between router and server: the relay's option 82 comes back verbatim,
            // with giaddr and hops, to the relay's server port.
            List<Map.Entry<String, DhcpPacket>> packets = List.of();
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); System.nanoTime() < deadline;
                    Thread.sleep(100)) {
                packets = DhcpRealClientsTest.packets(Files.readAllBytes(capture));
                if (packets.stream().filter(e -> e.getKey().equals(RoutedSegment.SERVER)).count() >= 6) {
                    break;
                }
            }
            List<DhcpPacket> requests = packets.stream().filter(e -> e.getKey().equals(RoutedSegment.ROUTER_UP))
                    .map(Map.Entry::getValue).toList();
            // The local client's replies are broadcast on this segment too: those have no giaddr.
            List<DhcpPacket> replies = packets.stream().filter(e -> e.getKey().equals(RoutedSegment.SERVER))
                    .map(Map.Entry::getValue).filter(p -> !p.giaddr().equals(DhcpPacket.ZERO)).toList();
            assertEquals(4, replies.size(), packets.toString());
            for (DhcpPacket reply : replies) {
                DhcpPacket request = requests.stream().filter(r -> r.xid() == reply.xid()).findFirst().orElseThrow();
                assertEquals(RoutedSegment.GIADDR, reply.giaddr().getHostAddress());
                assertEquals(1, reply.hops());
                assertTrue(request.option(DhcpOption.RELAY_AGENT).isPresent(), "dhcrelay -a adds option 82");
                assertArrayEquals(request.option(DhcpOption.RELAY_AGENT).orElseThrow(),
                        reply.option(DhcpOption.RELAY_AGENT).orElseThrow());
            }
        } finally {
            relay.destroy();
            tcpdump.destroy();
            relay.waitFor(5, TimeUnit.SECONDS);
            tcpdump.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private List<String> udhcpc(String ns, String iface, String... extra) throws Exception {
        return Segment.udhcpc(ns, iface, dir, FIELDS, extra);
    }

    private static void awaitLog(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(log) && Files.readString(log).contains(text)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
