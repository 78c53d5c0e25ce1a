package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.confluentcollective.testkit.bmc.IpmiSimulator;
import org.confluentcollective.testkit.bmc.RedfishSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broken BMCs and settings, through a real daemon and confluentctl: each bad node gets a clear
 * error of its own within the per-node timeout, and the good nodes in the same request answer.
 */
@Tag("slow")
class BadBmcTest {

    private static final String PASSWORD = "bmc-Secret9";
    /** confluentd's default hardware.node.timeout, plus room for a loaded machine. */
    private static final double DEADLINE_SECONDS = 15 + 3;

    @RegisterExtension
    final Cluster cluster = new Cluster();

    @Test
    void eachBadBmcIsItsOwnNodesClearErrorAndTheOthersAnswer() throws Exception {
        try (IpmiSimulator good = IpmiSimulator.start(PASSWORD);
             IpmiSimulator frozen = IpmiSimulator.start(PASSWORD);
             RedfishSimulator replaced = RedfishSimulator.start("replaced", "52:54:00:00:01:01");
             DatagramSocket nothing = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SilentTcpServer mute = new SilentTcpServer()) {
            MemberProcess m1 = cluster.start("m1");
            m1.ok("nodegroupdefine", "ipmi", "hardwaremanagement.method=ipmi",
                    "secret.hardwaremanagementuser=" + IpmiSimulator.USER,
                    "secret.hardwaremanagementpassword=" + PASSWORD);
            String goodAddress = good.host() + ":" + good.port();
            m1.ok("nodedefine", "good1", "groups=ipmi", "hardwaremanagement.manager=" + goodAddress);
            m1.ok("nodedefine", "good2", "groups=ipmi", "hardwaremanagement.manager=" + goodAddress);
            m1.ok("nodedefine", "badpass", "groups=ipmi", "hardwaremanagement.manager=" + goodAddress,
                    "secret.hardwaremanagementpassword=wrong-one");
            // A UDP port held open but never answered: the BMC's address has nothing behind it.
            m1.ok("nodedefine", "gone", "groups=ipmi",
                    "hardwaremanagement.manager=127.0.0.1:" + nothing.getLocalPort());
            m1.ok("nodedefine", "silent", "groups=ipmi",
                    "hardwaremanagement.manager=" + frozen.host() + ":" + frozen.port());
            m1.ok("nodedefine", "malformed", "groups=ipmi", "hardwaremanagement.manager=bmc one:x");
            m1.ok("nodedefine", "unset", "groups=ipmi");
            m1.ok("nodedefine", "pdu", "groups=ipmi", "hardwaremanagement.method=pdu",
                    "hardwaremanagement.manager=" + goodAddress);
            m1.ok("nodegroupdefine", "redfish", "hardwaremanagement.method=redfish",
                    "secret.hardwaremanagementuser=" + RedfishSimulator.USER,
                    "secret.hardwaremanagementpassword=" + RedfishSimulator.PASSWORD);
            m1.ok("nodedefine", "replacedbmc", "groups=redfish", "hardwaremanagement.manager=" + replaced.address());
            // Accepts TCP connections and never says a word, not even a TLS handshake.
            m1.ok("nodedefine", "mute", "groups=redfish", "hardwaremanagement.manager=127.0.0.1:" + mute.port());
            // First use pins the certificate; the BMC then comes back with another one.
            assertEquals("replacedbmc: off\n", m1.ok("nodepower", "replacedbmc").out());
            String pinned = m1.ok("nodeattrib", "replacedbmc", "pubkeys.tls_hardwaremanager").out().strip()
                    .replace("replacedbmc: pubkeys.tls_hardwaremanager: ", "");
            assertTrue(pinned.startsWith("sha512$"), pinned);
            replaced.restart();
            frozen.freeze();

            long start = System.nanoTime();
            CliRunner.Result result = m1.ctl("nodepower",
                    "good1,good2,badpass,gone,silent,malformed,unset,pdu,replacedbmc,mute");
            double seconds = (System.nanoTime() - start) / 1e9;

            assertEquals(1, result.exitCode(), result.toString());
            assertEquals("good1: off\ngood2: off\n", result.out(), "the good nodes answer in the same request");
            Map<String, String> errors = errorsByNode(result.err());
            assertEquals(8, errors.size(), result.err());
            assertMentions(errors.get("badpass"), "refused");
            assertMentions(errors.get("gone"), "127.0.0.1:" + nothing.getLocalPort());
            assertMentions(errors.get("silent"), frozen.host() + ":" + frozen.port());
            assertMentions(errors.get("malformed"), "hardwaremanagement.manager \"bmc one:x\"");
            assertMentions(errors.get("unset"), "hardwaremanagement.manager is not set");
            assertMentions(errors.get("pdu"), "hardwaremanagement.method pdu");
            assertMentions(errors.get("replacedbmc"), pinned);
            assertMentions(errors.get("replacedbmc"), "pubkeys.tls_hardwaremanager");
            assertMentions(errors.get("mute"), "127.0.0.1:" + mute.port());
            assertTrue(!result.err().contains(PASSWORD) && !result.err().contains("wrong-one"),
                    "no password is printed: " + result.err());
            assertTrue(seconds < DEADLINE_SECONDS, "answered within the per-node timeout, not " + seconds + " s");
            System.out.printf("nodepower of 2 good and 8 bad nodes answered in %.2f s%n", seconds);
        }
    }

    /** A TCP listener that accepts connections and never reads or writes. */
    private static final class SilentTcpServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "silent-tcp");

        SilentTcpServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    held.add(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : held) {
                connection.close();
            }
        }
    }

    private static Map<String, String> errorsByNode(String stderr) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String line : stderr.split("\n")) {
            int colon = line.indexOf(": Error: ");
            if (colon > 0) {
                errors.put(line.substring(0, colon), line.substring(colon + ": Error: ".length()));
            }
        }
        return errors;
    }

    private static void assertMentions(String error, String expected) {
        assertTrue(error != null && error.contains(expected), "expected \"" + expected + "\" in: " + error);
    }
}
