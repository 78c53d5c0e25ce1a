package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three voters, really killed (kill -9) and restarted: losing one keeps the collective writable,
 * losing two locks the survivor down until they return, and nothing acknowledged is lost,
 * including across a restart of the whole collective.
 */
@Tag("slow")
class CollectiveFaultsTest {

    @RegisterExtension
    final Cluster cluster = new Cluster();

    @Test
    void survivesKillsQuorumLossAndWholeRestart() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        m1.ok("nodegroupdefine", "compute", "location.room=a");
        m1.ok("nodedefine", "n[1-200]", "groups=compute", "location.rack=1");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3");
        MemberProcess m2 = members.get(1);
        MemberProcess m3 = members.get(2);
        cluster.assertAgree(3, 0);

        // One of three voters killed: the other two keep accepting writes.
        m3.kill();
        m1.awaitStatus(s -> s.path("quorum").asBoolean(), Cluster.CONVERGE);
        retryUntilAccepted(m2, "nodeattrib", "n[1-100]", "location.rack=2");
        // m1 may still be catching up with the new ensemble a moment after m2 took a write.
        retryWhileNoQuorum(m1, "nodedefine", "late1", "groups=compute");
        m3.start();
        cluster.assertAgree(3, 0);
        cluster.awaitDumps(m1.dump());
        assertEquals("n50: location.rack: 2\n", m3.ok("nodeattrib", "n50", "location.rack").out());

        // Two of three killed: the survivor locks down but still shows the collective.
        m2.kill();
        m3.kill();
        JsonNode lockedDown = m1.awaitStatus(s -> !s.path("quorum").asBoolean(), Cluster.CONVERGE);
        assertEquals(3, lockedDown.path("members").size(), lockedDown.toString());
        CliRunner.Result refused = m1.ctl("nodeattrib", "n1", "location.rack=3");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("no quorum"), refused.toString());
        CliRunner.Result stale = m1.ctl("nodeattrib", "n1", "location.rack");
        assertEquals("n1: location.rack: 2\n", stale.out(), stale.toString());
        assertTrue(stale.err().contains("stale"), "reads without quorum are marked stale: " + stale);

        m2.launch();
        m3.launch();
        m2.awaitReady();
        m3.awaitReady();
        cluster.assertAgree(3, 0);
        m1.ok("nodeattrib", "n1", "location.rack=3");
        String converged = m1.dump();
        cluster.awaitDumps(converged);
        assertTrue(converged.contains("late1"), converged);

        // Whole collective stopped, then started: every attribute is back.
        for (MemberProcess member : members) {
            member.stop();
        }
        for (MemberProcess member : members) {
            member.launch();
        }
        for (MemberProcess member : members) {
            member.awaitReady();
        }
        cluster.assertAgree(3, 0);
        cluster.awaitDumps(converged);
        assertFalse(converged.isBlank());

        // A member lost for good is replaced by inviting its name again on a new machine.
        cluster.drop(m3);
        MemberProcess replacement = cluster.start("m3", "m3-replacement");
        m2.admit(replacement);
        cluster.assertAgree(3, 0);
        cluster.awaitDumps(converged);
    }

    @Test
    void showsTheZooKeeperLeaderAndItsReplacementAfterAKill() throws Exception {
        List<MemberProcess> members = cluster.form(cluster.start("m1"), "m2", "m3");
        cluster.assertAgree(3, 0);
        Map<String, String> roles = null;
        for (MemberProcess member : members) {
            JsonNode status = member.awaitStatus(s -> MemberProcess.formed(s, 3) && oneLeader(zooKeeperRoles(s)),
                    Cluster.CONVERGE);
            if (roles == null) {
                roles = zooKeeperRoles(status);
            }
            assertEquals(roles, zooKeeperRoles(status), "every member shows the same ZooKeeper roles");
        }
        String leaderName = leaderOf(roles);
        String shown = members.get(0).ok("collective", "show").out();
        assertTrue(shown.contains("ZooKeeper leader: " + leaderName + "\n"), shown);
        assertTrue(shown.contains("    " + leaderName + " (voter, ZooKeeper leader, "), shown);

        MemberProcess leader = members.stream().filter(m -> m.name.equals(leaderName)).findFirst().orElseThrow();
        leader.kill();
        for (MemberProcess survivor : members) {
            if (survivor == leader) {
                continue;
            }
            // Well within the 10 s session timeout, after which the killed leader's liveness znode
            // would be gone anyway: survivors tell its stale claim from the leader their peers follow.
            JsonNode after = survivor.awaitStatus(s -> s.path("quorum").asBoolean()
                    && oneLeader(zooKeeperRoles(s)) && "unreachable".equals(zooKeeperRoles(s).get(leaderName)),
                    Duration.ofSeconds(8));
            assertTrue(zooKeeperRoles(after).entrySet().stream().filter(e -> !e.getKey().equals(leaderName))
                    .allMatch(e -> List.of("leader", "follower").contains(e.getValue())), after.toString());
            // Its liveness znode goes with its session, and with it the flag.
            JsonNode expired = survivor.awaitStatus(s -> !live(s, leaderName), Cluster.CONVERGE);
            assertEquals(3, expired.path("members").size(), expired.toString());
        }
    }

    private static boolean live(JsonNode status, String name) {
        for (JsonNode member : status.path("members")) {
            if (member.path("name").asText().equals(name)) {
                return member.path("live").asBoolean();
            }
        }
        return false;
    }

    /** Each member's ZooKeeper role by name. */
    private static Map<String, String> zooKeeperRoles(JsonNode status) {
        Map<String, String> roles = new TreeMap<>();
        status.path("members").forEach(m -> roles.put(m.path("name").asText(), m.path("zookeeper").asText()));
        return roles;
    }

    /** Exactly one leader; every other reachable member follows or observes. */
    private static boolean oneLeader(Map<String, String> roles) {
        return roles.values().stream().filter("leader"::equals).count() == 1
                && roles.values().stream().allMatch(r -> List.of("leader", "follower", "observer", "unreachable")
                        .contains(r));
    }

    private static String leaderOf(Map<String, String> roles) {
        return roles.entrySet().stream().filter(e -> e.getValue().equals("leader")).findFirst().orElseThrow().getKey();
    }

    /**
     * Retries only a change refused with 503 {@code no quorum} (refused before anything was sent), so
     * a change that is not idempotent is never sent twice.
     */
    private static void retryWhileNoQuorum(MemberProcess member, String... args) throws InterruptedException {
        long deadline = System.nanoTime() + Cluster.CONVERGE.toNanos();
        CliRunner.Result result = member.ctl(args);
        while (result.exitCode() != 0 && result.err().contains("no quorum") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            result = member.ctl(args);
        }
        assertEquals(0, result.exitCode(), result.toString());
    }

    /** Right after a voter dies the others may still be electing a leader: retry until a write lands. */
    private static void retryUntilAccepted(MemberProcess member, String... args) throws InterruptedException {
        long deadline = System.nanoTime() + Cluster.CONVERGE.toNanos();
        CliRunner.Result result = member.ctl(args);
        while (result.exitCode() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            result = member.ctl(args);
        }
        assertEquals(0, result.exitCode(), result.toString());
    }
}
