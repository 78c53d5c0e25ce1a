package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.confluentcollective.testkit.bmc.IpmiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request routing across real members with real BMC simulators: three members each manage a
 * third of 30 nodes; a request sent to any member gets the same complete answer, changes land on
 * the right BMCs (checked with the simulators' own state and ipmitool), and a manager killed -9
 * costs only its own nodes an error naming it, at once.
 */
@Tag("slow")
class NodeOperationsRoutingTest {

    private static final String PASSWORD = "bmc-Secret9";
    private static final int NODES = 30;
    private static final int NODES_PER_BMC = 3;

    @RegisterExtension
    final Cluster cluster = new Cluster();

    private final List<IpmiSimulator> bmcs = new ArrayList<>();

    @AfterEach
    void stopBmcs() {
        bmcs.forEach(IpmiSimulator::close);
    }

    @Test
    void anyMemberAnswersForEveryNodeAndAKilledManagerCostsOnlyItsNodes() throws Exception {
        for (int i = 0; i < NODES / NODES_PER_BMC; i++) {
            bmcs.add(IpmiSimulator.start(PASSWORD));
        }
        MemberProcess m1 = cluster.start("m1");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3");
        cluster.assertAgree(3, 0);

        m1.ok("nodegroupdefine", "bmcs", "hardwaremanagement.method=ipmi",
                "secret.hardwaremanagementuser=" + IpmiSimulator.USER, "secret.hardwaremanagementpassword=" + PASSWORD);
        for (int n = 1; n <= NODES; n++) {
            IpmiSimulator bmc = bmcOf(n);
            m1.ok("nodedefine", "n" + n, "groups=bmcs", "hardwaremanagement.manager=" + bmc.host() + ":" + bmc.port(),
                    "collective.manager=m" + ((n - 1) / 10 + 1));
        }
        cluster.awaitEverywhere("n30: collective.manager: m3\n", "nodeattrib", "n30", "collective.manager");

        // A change sent to m2 for nodes of all three managers lands on each node's BMC.
        CliRunner.Result on = members.get(1).ok("nodepower", "n1,n14,n27", "on");
        assertEquals("n1: off->on\nn14: off->on\nn27: off->on\n", on.out());
        for (int n : new int[] {1, 14, 27}) {
            assertTrue(bmcOf(n).powerOn(), "the BMC of n" + n + " was powered on");
            assertTrue(bmcOf(n).ipmitool("chassis", "power", "status").contains("on"), "ipmitool agrees for n" + n);
        }

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

    private IpmiSimulator bmcOf(int node) {
        return bmcs.get((node - 1) / NODES_PER_BMC);
    }

    /** What {@code nodepower n1-nN} prints, from the simulators' own state. */
    private String expectedStatus(int nodes) {
        StringBuilder expected = new StringBuilder();
        for (int n = 1; n <= nodes; n++) {
            expected.append("n").append(n).append(": ").append(bmcOf(n).powerOn() ? "on" : "off").append('\n');
        }
        return expected.toString();
    }
}
