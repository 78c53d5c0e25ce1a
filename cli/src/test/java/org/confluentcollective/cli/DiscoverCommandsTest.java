package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.confluentcollective.dhcp.DhcpOption;
import org.confluentcollective.dhcp.DhcpPacket;
import org.confluentcollective.web.Confluentd;
import org.confluentcollective.web.DaemonConfig;
import org.confluentcollective.web.DeploySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nodediscover against a real confluentd whose DHCP responder runs on a free port and records unknown PXE clients. */
class DiscoverCommandsTest {

    @TempDir
    static Path dir;

    private static Confluentd daemon;
    private static int dhcpPort;

    @BeforeAll
    static void start() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            dhcpPort = probe.getLocalPort();
        }
        daemon = Confluentd.start(DaemonConfig.builder(dir.resolve("member"), "mgmt1")
                .socketPath(dir.resolve("api.sock"))
                .deploy(DeploySettings.loopback(dir.resolve("deploy")).withDhcp(dhcpPort, Set.of("none0"))).build());
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
    }

    private static CliRunner.Result run(String... args) {
        return new CliRunner(dir).with("CONFLUENT_SOCKET", daemon.socketPath().toString()).run(args);
    }

    private static void assertOut(String expected, CliRunner.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(expected, result.out(), result.toString());
    }

    private static void discover(String mac, int arch) throws Exception {
        List<DhcpOption> options = List.of(new DhcpOption(DhcpOption.MESSAGE_TYPE, new byte[] {DhcpPacket.DISCOVER}),
                new DhcpOption(DhcpOption.VENDOR_CLASS, String.format("PXEClient:Arch:%05d:UNDI:003016", arch)
                        .getBytes(StandardCharsets.US_ASCII)),
                new DhcpOption(DhcpOption.CLIENT_ARCH, new byte[] {(byte) (arch >> 8), (byte) arch}),
                new DhcpOption(DhcpOption.CLIENT_UUID, HexFormat.of().parseHex("0000112233445566778899aabbccddeeff")));
        byte[] datagram = new DhcpPacket(DhcpPacket.BOOTREQUEST, 1, 6, 0, 7, 0, DhcpPacket.BROADCAST_FLAG,
                DhcpPacket.ZERO, DhcpPacket.ZERO, DhcpPacket.ZERO, DhcpPacket.ZERO,
                HexFormat.of().parseHex(mac.replace(":", "")), new byte[0], new byte[0], options).encode();
        try (DatagramSocket client = new DatagramSocket()) {
            client.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), dhcpPort));
        }
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(20)) {
            if (run("nodediscover", "list", "-c").out().contains(mac)) {
                return;
            }
        }
    }

    @Test
    void listAssignClear() throws Exception {
        assertOut("+------+-------------+------+--------------+------------+-----------+\n"
                + "| UUID | Mac Address | Type | Architecture | First Seen | Last Seen |\n"
                + "+------+-------------+------+--------------+------------+-----------+\n"
                + "+------+-------------+------+--------------+------------+-----------+\n", run("nodediscover", "list"));
        discover("52:54:00:bb:00:01", 7);
        discover("52:54:00:bb:00:02", 0);
        CliRunner.Result table = run("nodediscover", "list");
        assertEquals(0, table.exitCode(), table.toString());
        String[] lines = table.out().split("\n");
        assertEquals(6, lines.length, table.out());
        assertTrue(lines[3].matches("\\| 33221100-5544-7766-8899-aabbccddeeff \\| 52:54:00:bb:00:01 \\| pxe-client "
                + "\\| uefi-x64     \\| 20\\d\\d-.*Z \\| 20\\d\\d-.*Z \\|"), table.out());
        assertTrue(lines[4].contains("| 52:54:00:bb:00:02 | pxe-client | bios-x86     |"), table.out());
        CliRunner.Result csv = run("nodediscover", "list", "-c", "-e", "52-54-00-BB-00-02");
        assertTrue(csv.out().startsWith("UUID,Mac Address,Type,Architecture,First Seen,Last Seen\n"
                + "33221100-5544-7766-8899-aabbccddeeff,52:54:00:bb:00:02,pxe-client,bios-x86,"), csv.toString());
        assertEquals(2, csv.out().split("\n").length, csv.toString());

        assertOut("n1: created\n", run("nodedefine", "n1"));
        assertOut("Assigned: n1\n", run("nodediscover", "assign", "-m", "52:54:00:bb:00:01", "-n", "n1"));
        assertOut("n1: collective.manager: mgmt1\nn1: net.hwaddr: 52:54:00:bb:00:01\n",
                run("nodeattrib", "n1", "net.hwaddr", "collective.manager"));
        CliRunner.Result again = run("nodediscover", "assign", "-e", "52:54:00:bb:00:01", "-n", "n1");
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("has not seen 52:54:00:bb:00:01 boot"), again.toString());
        CliRunner.Result taken = run("nodediscover", "assign", "-u", "33221100-5544-7766-8899-AABBCCDDEEFF", "-n", "n1");
        assertEquals(1, taken.exitCode(), taken.toString());
        assertTrue(taken.err().contains("every hwaddr of n1 is set"), taken.toString());
        CliRunner.Result neither = run("nodediscover", "assign", "-n", "n1");
        assertEquals(1, neither.exitCode(), neither.toString());
        assertTrue(neither.err().contains("(-e=MAC | -u=UUID)"), "a MAC or a UUID is needed: "
                + neither);

        assertOut("Cleared info for 52:54:00:bb:00:02\n", run("nodediscover", "clear", "-e", "52:54:00:bb:00:02"));
        assertEquals(1, run("nodediscover", "clear", "-e", "52:54:00:bb:00:02").exitCode());
        assertEquals(4, run("nodediscover", "list").out().split("\n").length, "empty again");
    }
}
