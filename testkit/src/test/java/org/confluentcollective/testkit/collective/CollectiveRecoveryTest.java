package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Disaster recovery: two of three voters lost for good; {@code collective recover --force} on
 * the survivor makes it a collective of one with everything it held, and two fresh members
 * invited afterwards receive all of it.
 */
@Tag("slow")
class CollectiveRecoveryTest {

    @RegisterExtension
    final Cluster cluster = new Cluster();

    @Test
    void survivorRebuildsTheCollectiveFromItsCopy() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        m1.ok("nodegroupdefine", "compute", "location.room=a");
        m1.ok("nodedefine", "n[1-50]", "groups=compute", "location.rack=4");
        m1.ok("nodeattrib", "n7", "secret.hardwaremanagementpassword=hunter2");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3");
        cluster.assertAgree(3, 0);
        members.get(2).ok("nodeattrib", "n[1-10]", "location.rack=5");
        cluster.awaitEverywhere("n10: location.rack: 5\n", "nodeattrib", "n10", "location.rack");
        String before = m1.dump();

        cluster.drop(members.get(1));
        cluster.drop(members.get(2));
        m1.awaitStatus(s -> !s.path("quorum").asBoolean(), Cluster.CONVERGE);

        CliRunner.Result unconfirmed = m1.ctl("collective", "recover");
        assertEquals(1, unconfirmed.exitCode(), unconfirmed.toString());
        m1.ok("collective", "recover", "--force");
        JsonNode alone = m1.awaitStatus(s -> s.path("quorum").asBoolean() && s.path("members").size() == 1,
                Cluster.CONVERGE);
        assertEquals("m1", alone.path("members").get(0).path("name").asText(), alone.toString());
        assertEquals("voter", alone.path("members").get(0).path("role").asText(), alone.toString());
        assertEquals(before, m1.dump());

        CliRunner.Result already = m1.ctl("collective", "recover", "--force");
        assertEquals(1, already.exitCode(), "a member with a quorum has nothing to recover: " + already);

        List<MemberProcess> rebuilt = cluster.form(m1, "m4", "m5");
        cluster.assertAgree(3, 0);
        cluster.awaitDumps(before);
        // The collective key came along: the secret set before the disaster is still set everywhere.
        assertTrue(cluster.members().get(2).ok("nodeattrib", "n7", "secret.hardwaremanagementpassword").out()
                .contains("********"));
        m1.ok("nodeattrib", "n1", "location.rack=6");
        cluster.awaitEverywhere("n1: location.rack: 6\n", "nodeattrib", "n1", "location.rack");

        // A survivor that was itself restarted serves nothing without a quorum, so it cannot take
        // the command: it is started recovering alone instead.
        String after = m1.dump();
        cluster.drop(rebuilt.get(1));
        cluster.drop(rebuilt.get(2));
        m1.kill();
        m1.launch("--recover-alone");
        m1.awaitReady();
        m1.awaitStatus(s -> s.path("quorum").asBoolean() && s.path("members").size() == 1, Cluster.CONVERGE);
        assertEquals(after, m1.dump());
    }
}
