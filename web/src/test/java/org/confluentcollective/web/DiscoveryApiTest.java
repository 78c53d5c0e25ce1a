package org.confluentcollective.web;

import static org.confluentcollective.web.WebLayerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.confluentcollective.dhcp.DhcpOption;
import org.confluentcollective.dhcp.DhcpPacket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /discovery/} through a real daemon whose DHCP responder runs on a free port: PXE
 * DISCOVERs sent to it from unknown MACs become records, which are listed, assigned to nodes (the
 * MAC and the member as manager written) and deleted.
 */
class DiscoveryApiTest {

    @TempDir
    static Path dir;

    static Confluentd daemon;
    static ApiClient socket;
    static ApiClient monitor;
    static int dhcpPort;

    @BeforeAll
    static void start() throws Exception {
        dhcpPort = freeUdpPort();
        // No interface served: nothing is answered, but unknown clients are recorded.
        daemon = Confluentd.start(DaemonConfig.builder(dir.resolve("state"), "m1")
                .deploy(DeploySettings.loopback(dir.resolve("deploy")).withDhcp(dhcpPort, Set.of("none0"))).build());
        socket = ApiClient.socket(daemon.socketPath());
        assertEquals(201, socket.post("/users/", "{\"name\":\"max\",\"role\":\"monitor\",\"password\":\"pw\"}").status());
        monitor = ApiClient.https(daemon.httpsPort(), daemon.fingerprint(), "max", "pw");
    }

    @AfterAll
    static void stop() throws Exception {
        monitor.close();
        socket.close();
        daemon.close();
    }

    static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** A PXE firmware's DISCOVER (vendor class PXEClient, option 93, optionally a UUID) to the member's DHCP port. */
    static void discover(int port, String mac, int arch, byte[] uuid) throws Exception {
        List<DhcpOption> options = new ArrayList<>();
        options.add(new DhcpOption(DhcpOption.MESSAGE_TYPE, new byte[] {DhcpPacket.DISCOVER}));
        options.add(new DhcpOption(DhcpOption.VENDOR_CLASS,
                String.format("PXEClient:Arch:%05d:UNDI:003016", arch).getBytes(StandardCharsets.US_ASCII)));
        options.add(new DhcpOption(DhcpOption.CLIENT_ARCH, new byte[] {(byte) (arch >> 8), (byte) arch}));
        if (uuid != null) {
            byte[] option = new byte[17];
            System.arraycopy(uuid, 0, option, 1, 16);
            options.add(new DhcpOption(DhcpOption.CLIENT_UUID, option));
        }
        byte[] chaddr = HexFormat.of().parseHex(mac.replace(":", ""));
        byte[] datagram = new DhcpPacket(DhcpPacket.BOOTREQUEST, 1, 6, 0, 0x1234abcd, 4, DhcpPacket.BROADCAST_FLAG,
                DhcpPacket.ZERO, DhcpPacket.ZERO, DhcpPacket.ZERO, DhcpPacket.ZERO, chaddr, new byte[0],
                new byte[0], options).encode();
        try (DatagramSocket client = new DatagramSocket()) {
            client.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
        }
    }

    /** The records, after waiting for {@code count} of them (the responder works on its own threads). */
    static JsonNode awaitRecords(ApiClient client, int count) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode listed;
        do {
            listed = client.get("/discovery/by-mac/").json();
            if (listed.path("discovered").size() >= count) {
                return listed;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return listed;
    }

    @Test
    void recordsAreListedAssignedAndDeleted() throws Exception {
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"d1\",\"net.pxe.ipv4_address\":\"10.0.0.5\"}").status());
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"d2\",\"collective.manager\":\"m9\"}").status());
        discover(dhcpPort, "52:54:00:aa:00:01", 7, HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
        // Recorded before the next one is sent: the responder's worker threads could take them in either order.
        assertEquals(1, awaitRecords(monitor, 1).path("discovered").size());
        discover(dhcpPort, "52:54:00:aa:00:02", 0, null);
        JsonNode listed = awaitRecords(monitor, 2);
        assertEquals(2, listed.path("discovered").size(), listed.toString());
        JsonNode first = listed.path("discovered").path(0);
        assertEquals("52:54:00:aa:00:01", first.path("mac").asText(), listed.toString());
        assertEquals("uefi-x64", first.path("architecture").asText());
        assertEquals(7, first.path("arch").asInt());
        assertEquals("pxe-client", first.path("types").path(0).asText());
        assertTrue(first.path("uuid").asText().matches("[0-9a-f-]{36}"), first.toString());
        assertTrue(first.path("firstseen").asText().endsWith("Z") && first.path("lastseen").isTextual(), first.toString());
        assertEquals("bios-x86", listed.path("discovered").path(1).path("architecture").asText());
        assertEquals("52-54-00-aa-00-01", listed.path("_links").path("item").path(0).path("href").asText());
        assertEquals("by-mac/", monitor.get("/discovery/").json().path("_links").path("item").path(0).path("href").asText());
        assertEquals("bios-x86", monitor.get("/discovery/by-mac/52-54-00-AA-00-02").json().path("architecture").asText());
        assertError(404, monitor.get("/discovery/by-mac/52:54:00:aa:00:09"));
        assertError(400, monitor.get("/discovery/by-mac/nonsense"));

        // A monitor may read, not assign; unknown nodes and unseen MACs are refused.
        assertError(403, monitor.put("/discovery/by-mac/52-54-00-aa-00-01", "{\"node\":\"d1\"}"));
        assertError(404, socket.put("/discovery/by-mac/52-54-00-aa-00-01", "{\"node\":\"nosuch\"}"));
        assertError(404, socket.put("/discovery/by-mac/52-54-00-aa-00-09", "{\"node\":\"d1\"}"));
        assertError(400, socket.put("/discovery/by-mac/52-54-00-aa-00-01", "{}"));

        ApiClient.Answer assigned = socket.put("/discovery/by-mac/52-54-00-aa-00-01", "{\"node\":\"d1\"}");
        assertEquals(200, assigned.status(), assigned.text());
        assertEquals("d1", assigned.json().path("assigned").asText());
        assertEquals("net.pxe.hwaddr", assigned.json().path("attribute").asText());
        JsonNode d1 = socket.get("/nodes/d1/attributes/current").json();
        assertEquals("52:54:00:aa:00:01", d1.path("net.pxe.hwaddr").path("value").asText(), d1.toString());
        assertEquals("m1", d1.path("collective.manager").path("value").asText(), "claimed: it had no manager");
        assertEquals(1, monitor.get("/discovery/by-mac/").json().path("discovered").size(), "the record is gone");

        // A node with a manager keeps it.
        discover(dhcpPort, "52:54:00:aa:00:03", 9, null);
        awaitRecords(monitor, 2);
        assertEquals("d2", socket.put("/discovery/by-mac/52:54:00:aa:00:03", "{\"node\":\"d2\"}").json()
                .path("assigned").asText());
        JsonNode d2 = socket.get("/nodes/d2/attributes/current").json();
        assertEquals("52:54:00:aa:00:03", d2.path("net.hwaddr").path("value").asText(), d2.toString());
        assertEquals("m9", d2.path("collective.manager").path("value").asText());
        // A MAC a node holds is no longer recorded (it is answered or ignored as that node's).
        discover(dhcpPort, "52:54:00:aa:00:03", 9, null);
        // Deliberately a fixed wait: :03 must not be recorded; :04, awaited below, comes after it.
        Thread.sleep(100);
        discover(dhcpPort, "52:54:00:aa:00:04", 9, null);
        JsonNode again = awaitRecords(monitor, 2);
        assertEquals(List.of("52:54:00:aa:00:02", "52:54:00:aa:00:04"), macs(again), again.toString());
        // Every hwaddr of d2 is set.
        assertError(409, socket.put("/discovery/by-mac/52:54:00:aa:00:04", "{\"node\":\"d2\"}"));
        assertError(403, monitor.delete("/discovery/by-mac/52-54-00-aa-00-02"));
        assertEquals("52:54:00:aa:00:02", socket.delete("/discovery/by-mac/52-54-00-aa-00-02").json()
                .path("deleted").asText());
        assertError(404, socket.delete("/discovery/by-mac/52-54-00-aa-00-02"));
        assertEquals(List.of("52:54:00:aa:00:04"), macs(monitor.get("/discovery/by-mac/").json()));
    }

    private static List<String> macs(JsonNode listed) {
        List<String> macs = new ArrayList<>();
        listed.path("discovered").forEach(record -> macs.add(record.path("mac").asText()));
        return macs;
    }
}
