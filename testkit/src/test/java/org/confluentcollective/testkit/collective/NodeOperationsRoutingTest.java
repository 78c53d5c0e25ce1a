package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.confluentcollective.testkit.bmc.IpmiSimulator;
import org.confluentcollective.testkit.bmc.RedfishSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request routing across real members with real BMC simulators: three members each manage a
 * third of 30 nodes, IPMI and Redfish mixed; a request sent to any member gets the same complete
 * answer, changes land on the right BMCs (checked with the simulators' own state, ipmitool and
 * curl), and a manager killed -9 costs only its own nodes an error naming it, at once.
 */
@Tag("slow")
class NodeOperationsRoutingTest {

    private static final String PASSWORD = "bmc-Secret9";
    private static final int NODES = 30;
    private static final int NODES_PER_BMC = 3;
    /** n10, n20 and n30 (one per manager) have Redfish BMCs; the others share IPMI BMCs. */
    private static final int REDFISH_EVERY = 10;

    @RegisterExtension
    final Cluster cluster = new Cluster();

    private final List<IpmiSimulator> bmcs = new ArrayList<>();
    private final List<RedfishSimulator> redfish = new ArrayList<>();

    @AfterEach
    void stopBmcs() throws Exception {
        bmcs.forEach(IpmiSimulator::close);
        for (RedfishSimulator bmc : redfish) {
            bmc.close();
        }
    }

    @Test
    void anyMemberAnswersForEveryNodeAndAKilledManagerCostsOnlyItsNodes() throws Exception {
        for (int i = 0; i < (NODES - NODES / REDFISH_EVERY) / NODES_PER_BMC; i++) {
            bmcs.add(IpmiSimulator.start(PASSWORD));
        }
        for (int n = REDFISH_EVERY; n <= NODES; n += REDFISH_EVERY) {
            redfish.add(RedfishSimulator.start("n" + n, String.format("52:54:00:00:00:%02x", n)));
        }
        MemberProcess m1 = cluster.start("m1");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3");
        cluster.assertAgree(3, 0);

        m1.ok("nodegroupdefine", "bmcs", "hardwaremanagement.method=ipmi",
                "secret.hardwaremanagementuser=" + IpmiSimulator.USER, "secret.hardwaremanagementpassword=" + PASSWORD);
        for (int n = 1; n <= NODES; n++) {
            String manager = "collective.manager=m" + ((n - 1) / 10 + 1);
            if (isRedfish(n)) {
                m1.ok("nodedefine", "n" + n, "groups=bmcs", "hardwaremanagement.method=redfish",
                        "hardwaremanagement.manager=" + redfishOf(n).address(),
                        "secret.hardwaremanagementuser=" + RedfishSimulator.USER,
                        "secret.hardwaremanagementpassword=" + RedfishSimulator.PASSWORD, manager);
            } else {
                IpmiSimulator bmc = bmcOf(n);
                m1.ok("nodedefine", "n" + n, "groups=bmcs", "hardwaremanagement.manager=" + bmc.host() + ":"
                        + bmc.port(), manager);
            }
        }
        cluster.awaitEverywhere("n30: collective.manager: m3\n", "nodeattrib", "n30", "collective.manager");

        // A change sent to m2 for nodes of all three managers lands on each node's BMC.
        CliRunner.Result on = members.get(1).ok("nodepower", "n1,n14,n27", "on");
        assertEquals("n1: off->on\nn14: off->on\nn27: off->on\n", on.out());
        for (int n : new int[] {1, 14, 27}) {
            assertTrue(bmcOf(n).powerOn(), "the BMC of n" + n + " was powered on");
            assertTrue(bmcOf(n).ipmitool("chassis", "power", "status").contains("on"), "ipmitool agrees for n" + n);
        }

        // Redfish from m3 through m1: the BMC acts within seconds, as real ones do; curl sees it land.
        assertEquals("n20: off->on\n", m1.ok("nodepower", "n20", "on").out());
        awaitRedfishPower(redfishOf(20), "On");
        // Its certificate was pinned on first use, on the manager, and replicated.
        cluster.awaitEverywhere("n20: pubkeys.tls_hardwaremanager: " + fingerprintOf(redfishOf(20)) + "\n",
                "nodeattrib", "n20", "pubkeys.tls_hardwaremanager");

        String expected = expectedStatus(NODES);
        for (MemberProcess member : members) {
            CliRunner.Result status = member.ok("nodepower", "n1-n30");
            assertEquals(expected, status.out(), "the whole answer from " + member.name);
            assertEquals("", status.err());
        }

        members.get(2).kill();
        long start = System.nanoTime();
        CliRunner.Result partial = m1.ctl("nodepower", "n1-n30");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, partial.exitCode(), partial.toString());
        assertEquals(expectedStatus(20), partial.out(), "the nodes of live managers still answer");
        String[] errors = partial.err().split("\n");
        assertEquals(10, errors.length, partial.err());
        for (int i = 0; i < errors.length; i++) {
            assertTrue(errors[i].startsWith("n" + (21 + i) + ": Error: ") && errors[i].contains("m3"),
                    "each of m3's nodes has an error naming m3: " + errors[i]);
        }
        assertTrue(seconds < 5, "the answer came within 5 s of the kill, not " + seconds + " s");
        System.out.printf("nodepower of 30 nodes with one of 3 managers killed -9: answered in %.2f s%n", seconds);
    }

    private static boolean isRedfish(int node) {
        return node % REDFISH_EVERY == 0;
    }

    private IpmiSimulator bmcOf(int node) {
        int ipmiIndex = node - 1 - (node - 1) / REDFISH_EVERY;
        return bmcs.get(ipmiIndex / NODES_PER_BMC);
    }

    private RedfishSimulator redfishOf(int node) {
        return redfish.get(node / REDFISH_EVERY - 1);
    }

    /** What {@code nodepower n1-nN} prints, from the simulators' own state (curl for Redfish). */
    private String expectedStatus(int nodes) throws Exception {
        StringBuilder expected = new StringBuilder();
        for (int n = 1; n <= nodes; n++) {
            boolean on = isRedfish(n) ? "On".equals(redfishPower(redfishOf(n))) : bmcOf(n).powerOn();
            expected.append("n").append(n).append(": ").append(on ? "on" : "off").append('\n');
        }
        return expected.toString();
    }

    private static void awaitRedfishPower(RedfishSimulator bmc, String state) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!state.equals(redfishPower(bmc)) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(state, redfishPower(bmc), "the Redfish BMC's PowerState, read with curl");
    }

    /** The system's PowerState as curl reads it from the service: no code of ours in between. */
    private static String redfishPower(RedfishSimulator bmc) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String base = "https://" + bmc.address();
        JsonNode systems = json.readTree(curl(bmc, base + "/redfish/v1/Systems"));
        String system = systems.path("Members").path(0).path("@odata.id").asText();
        return json.readTree(curl(bmc, base + system)).path("PowerState").asText();
    }

    private static String curl(RedfishSimulator bmc, String url) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sSk", "--max-time", "10", "-u",
                RedfishSimulator.USER + ":" + RedfishSimulator.PASSWORD, url).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, curl.waitFor(), "curl " + url + ": " + out);
        return out;
    }

    /** {@code sha512$<hex>} of the BMC's certificate, as the original confluent pins it. */
    private static String fingerprintOf(RedfishSimulator bmc) throws Exception {
        java.security.cert.Certificate certificate;
        try (var in = java.nio.file.Files.newInputStream(bmc.certificate())) {
            certificate = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        return "sha512$" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-512").digest(certificate.getEncoded()));
    }
}
