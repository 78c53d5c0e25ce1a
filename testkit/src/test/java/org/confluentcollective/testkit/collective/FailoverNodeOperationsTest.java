package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.confluentcollective.testkit.bmc.IpmiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failover, then node operations through the new managers: m3 manages eight nodes on four IPMI
 * simulators (two nodes per BMC) with candidates m1 and m2; once m3 is killed -9 and its nodes
 * are reassigned, power changes sent to either survivor land on the right BMCs (checked with the
 * simulators' own state and ipmitool), and both survivors report the same power states.
 */
@Tag("slow")
class FailoverNodeOperationsTest {

    private static final String PASSWORD = "bmc-Secret9";
    private static final int BMCS = 4;
    private static final int NODES = 8;

    @RegisterExtension
    final Cluster cluster = new Cluster();

    private final List<IpmiSimulator> bmcs = new ArrayList<>();

    @AfterEach
    void stopBmcs() {
        bmcs.forEach(IpmiSimulator::close);
    }

    @Test
    void theNewManagersRunNodeOperationsAfterAFailover() throws Exception {
        for (int i = 0; i < BMCS; i++) {
            bmcs.add(IpmiSimulator.start(PASSWORD));
        }
        MemberProcess m1 = cluster.start("m1");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3");
        MemberProcess m2 = members.get(1);
        MemberProcess m3 = members.get(2);
        cluster.assertAgree(3, 0);

        m1.ok("nodegroupdefine", "bmcs", "hardwaremanagement.method=ipmi",
                "secret.hardwaremanagementuser=" + IpmiSimulator.USER, "secret.hardwaremanagementpassword=" + PASSWORD);
        for (int n = 1; n <= NODES; n++) {
            IpmiSimulator bmc = bmcOf(n);
            m1.ok("nodedefine", "n" + n, "groups=bmcs", "hardwaremanagement.manager=" + bmc.host() + ":" + bmc.port(),
                    "collective.manager=m3", "collective.managercandidates=m1,m2");
        }
        cluster.awaitEverywhere("n" + NODES + ": collective.manager: m3\n", "nodeattrib", "n" + NODES,
                "collective.manager");
        // Through m3 while it lives: every BMC answers, all off.
        assertEquals(expectedStatus(), m1.ok("nodepower", "n1-n" + NODES).out());
        assertTrue(expectedStatus().contains("n1: off\n"), expectedStatus());

        long killed = System.nanoTime();
        m3.kill();
        Map<String, String> managers = managers(m1);
        while (managers.containsValue("m3") && System.nanoTime() - killed < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(100);
            managers = managers(m1);
        }
        System.out.printf("kill -9 of m3 to reassignment of its %d nodes: %d ms%n", NODES,
                Duration.ofNanos(System.nanoTime() - killed).toMillis());
        // Least busy first, ties in natural order: the odd nodes go to m1, the even ones to m2.
        Map<String, String> expected = new TreeMap<>();
        for (int n = 1; n <= NODES; n++) {
            expected.put("n" + n, n % 2 == 1 ? "m1" : "m2");
        }
        assertEquals(expected, managers, "m3's nodes, spread over its candidates");
        cluster.drop(m3);
        cluster.awaitEverywhere(m1.ok("nodeattrib", "n1-n" + NODES, "collective.manager").out(),
                "nodeattrib", "n1-n" + NODES, "collective.manager");

        // Sent to m2: n2 and n4 are its own, n1 and n3 are forwarded to m1. One node per BMC.
        CliRunner.Result on = m2.ok("nodepower", "n1-n4", "on");
        assertEquals("n1: off->on\nn2: off->on\nn3: off->on\nn4: off->on\n", on.out());
        assertEquals("", on.err());
        for (int n = 1; n <= 4; n++) {
            assertTrue(bmcOf(n).powerOn(), "the BMC of n" + n + " was powered on");
            assertTrue(bmcOf(n).ipmitool("chassis", "power", "status").contains("is on"),
                    "ipmitool agrees for n" + n);
        }

        // Sent to m1: n5 is its own, n6 is forwarded to m2; their BMCs are those of n1 and n2.
        CliRunner.Result off = m1.ok("nodepower", "n5,n6", "off");
        assertEquals("n5: on->off\nn6: on->off\n", off.out());
        assertTrue(!bmcOf(5).powerOn() && !bmcOf(6).powerOn(), "the BMCs of n5 and n6 were powered off");
        assertTrue(bmcOf(6).ipmitool("chassis", "power", "status").contains("is off"), "ipmitool agrees for n6");
        assertTrue(bmcOf(3).powerOn() && bmcOf(4).powerOn(), "the other BMCs stayed on");

        String status = expectedStatus();
        assertEquals("n1: off\nn2: off\nn3: on\nn4: on\nn5: off\nn6: off\nn7: on\nn8: on\n", status);
        for (MemberProcess survivor : List.of(m1, m2)) {
            CliRunner.Result answer = survivor.ok("nodepower", "n1-n" + NODES, "status");
            assertEquals(status, answer.out(), "nodepower status from " + survivor.name);
            assertEquals("", answer.err(), "no node has an error on " + survivor.name);
        }
    }

    private IpmiSimulator bmcOf(int node) {
        return bmcs.get((node - 1) % BMCS);
    }

    /** What {@code nodepower n1-n8} prints, from the simulators' own state. */
    private String expectedStatus() {
        StringBuilder expected = new StringBuilder();
        for (int n = 1; n <= NODES; n++) {
            expected.append("n").append(n).append(": ").append(bmcOf(n).powerOn() ? "on" : "off").append('\n');
        }
        return expected.toString();
    }

    private static Map<String, String> managers(MemberProcess member) {
        Map<String, String> managers = new TreeMap<>();
        for (String line : member.ok("nodeattrib", "n1-n" + NODES, "collective.manager").out().split("\n")) {
            int colon = line.indexOf(": collective.manager: ");
            if (colon > 0) {
                managers.put(line.substring(0, colon), line.substring(colon + ": collective.manager: ".length()));
            }
        }
        return managers;
    }
}
