package org.confluentcollective.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
            assertEquals(0, m2.metrics().snapshot().answered());
            assertTrue(m2.metrics().snapshot().ignored() >= 2, "m2 saw the client: " + m2.metrics().snapshot());
        }
    }
}
