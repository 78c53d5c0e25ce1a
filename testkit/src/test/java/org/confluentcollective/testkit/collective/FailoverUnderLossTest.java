package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.confluentcollective.testkit.faults.Rest;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Manager failover when more than one member is lost, with five real member processes (five
 * voters, so that two may die and a quorum remains): the latch leader killed -9 in the middle of
 * a failover pass, its successor finishing it; then, once both are back, two managers killed -9
 * together. One collective serves both parts: forming five members takes half a minute here.
 */
@Tag("slow")
class FailoverUnderLossTest {

    /** confluentd's ZooKeeper session timeout. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int NODES = 4000;
    /** Small batches (the default is 500), so that a pass over 4,000 nodes takes 80 changes. */
    private static final int BATCH = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final Cluster cluster = new Cluster(List.of("-Dconfluent.collective.failover.batch=" + BATCH));

    private Rest rest;

    @BeforeEach
    void openRest() throws Exception {
        rest = new Rest(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeRest() throws Exception {
        rest.close();
    }

    @Test
    void aNewLeaderFinishesAKilledLeadersFailoverThenTwoManagersDieTogether() throws Exception {
        List<MemberProcess> members = formFive();
        aNewLeaderFinishesTheFailoverItsKilledPredecessorStarted(members);
        twoManagersKilledTogetherLoseOnlyTheNodesWithoutALiveCandidate(members);
    }

    /**
     * The manager of 4,000 nodes is killed -9, then the latch leader once it has logged its first
     * batch: the next leader finishes the pass, the nodes the dead leader had taken included.
     * Both come back afterwards, and the nodes are removed.
     */
    private void aNewLeaderFinishesTheFailoverItsKilledPredecessorStarted(List<MemberProcess> members)
            throws Exception {
        MemberProcess leader = byName(members, awaitLeader(members.get(0)));
        // The manager to kill first: the last member that does not lead.
        MemberProcess manager = members.stream().filter(m -> m != leader).reduce((a, b) -> b).orElseThrow();
        List<MemberProcess> survivors = members.stream().filter(m -> m != leader && m != manager).toList();
        String candidates = members.stream().filter(m -> m != manager).map(m -> m.name)
                .collect(Collectors.joining(","));
        MemberProcess client = survivors.get(0);
        String all = "n[1-" + NODES + "]";
        client.ok("nodedefine", all, "collective.manager=" + manager.name,
                "collective.managercandidates=" + candidates);
        cluster.awaitEverywhere("n" + NODES + ": collective.manager: " + manager.name + "\n",
                "nodeattrib", "n" + NODES, "collective.manager");

        Pattern moved = Pattern.compile("moved \\d+ nodes from " + manager.name + " to ");
        long managerKilled = System.nanoTime();
        manager.kill();
        long deadline = managerKilled + PATIENCE.toNanos();
        while (!moved.matcher(leader.log()).find() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long firstBatch = System.nanoTime();
        leader.kill();
        long leaderKilled = System.nanoTime();
        assertTrue(moved.matcher(leader.log()).find(), "the leader " + leader.name + " started the failover:\n"
                + leader.logTail());
        // What the leader wrote before it died, by its own log (a survivor's copy may lag behind).
        Matcher batches = Pattern.compile("moved (\\d+) nodes from " + manager.name + " to ").matcher(leader.log());
        int movedByLeader = 0;
        while (batches.find()) {
            movedByLeader += Integer.parseInt(batches.group(1));
        }
        System.out.printf("leader %s killed -9 after moving %d of %d nodes off %s%n", leader.name, movedByLeader,
                NODES, manager.name);
        assertTrue(movedByLeader < NODES, "the leader was killed in the middle of its pass");

        Set<String> dead = Set.of(manager.name, leader.name);
        Map<String, String> assignment = managers(client, all);
        while (assignment.values().stream().anyMatch(dead::contains) && System.nanoTime() - leaderKilled
                < PATIENCE.toNanos()) {
            Thread.sleep(200);
            assignment = managers(client, all);
        }
        long done = System.nanoTime();
        System.out.printf("%d nodes: kill -9 of manager %s to the first batch moved by leader %s: %d ms;"
                        + " kill -9 of that leader to the failover completed by the next: %d ms; in all %d ms%n",
                NODES, manager.name, leader.name, millis(firstBatch - managerKilled), millis(done - leaderKilled),
                millis(done - managerKilled));

        Set<String> live = survivors.stream().map(m -> m.name).collect(Collectors.toSet());
        assertEquals(NODES, assignment.size(), "no node was lost");
        assignment.forEach((node, owner) -> assertTrue(live.contains(owner), node + " is managed by " + owner));
        Map<String, Integer> counts = counts(assignment.values());
        assertEquals(live, counts.keySet(), "every survivor manages nodes: " + counts);
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(max - min <= NODES / 3 / 10, "balanced within 10 % over the survivors: " + counts);

        String newLeader = awaitLeader(client);
        assertTrue(live.contains(newLeader), "a survivor leads: " + newLeader);
        assertTrue(Pattern.compile("moved \\d+ nodes from (" + manager.name + "|" + leader.name + ") to ")
                        .matcher(byName(survivors, newLeader).log()).find(),
                "the new leader " + newLeader + " moved the rest");
        String expected = assignment.toString();
        for (MemberProcess survivor : survivors) {
            Cluster.awaitEqual(expected, () -> managers(survivor, all).toString(), "managers on " + survivor.name);
            assertEquals(List.of(), unmanaged(survivor), "GET /collective/unmanaged on " + survivor.name);
        }
        String shown = client.ok("collective", "show").out();
        assertTrue(shown.contains("Unmanaged nodes: 0\n"), shown);

        // Both back, all five live voters again, and a clean slate for the next part.
        manager.launch();
        leader.launch();
        manager.awaitReady();
        leader.awaitReady();
        cluster.assertAgree(5, 0);
        client.ok("noderemove", all);
        cluster.awaitEverywhere("", "nodelist");
    }

    /**
     * Two managers (not the leader) killed -9 together: every node with a live candidate moves;
     * nodes whose candidates are all dead, or that have none, stay unmanaged and are listed.
     */
    private void twoManagersKilledTogetherLoseOnlyTheNodesWithoutALiveCandidate(List<MemberProcess> members)
            throws Exception {
        String leaderName = awaitLeader(members.get(0));
        List<MemberProcess> followers = members.stream().filter(m -> !m.name.equals(leaderName)).toList();
        MemberProcess a = followers.get(followers.size() - 2);
        MemberProcess b = followers.get(followers.size() - 1);
        List<MemberProcess> survivors = members.stream().filter(m -> m != a && m != b).toList();
        MemberProcess s1 = survivors.get(0);
        MemberProcess s2 = survivors.get(1);
        s1.ok("nodedefine", "a[1-300]", "collective.manager=" + a.name, "collective.managercandidates=m[1-5]");
        s1.ok("nodedefine", "b[1-300]", "collective.manager=" + b.name,
                "collective.managercandidates=" + a.name + "," + b.name + "," + s1.name);
        s1.ok("nodedefine", "c[1-20]", "collective.manager=" + a.name,
                "collective.managercandidates=" + a.name + "," + b.name);
        s1.ok("nodedefine", "d[1-10]", "collective.manager=" + b.name);
        s1.ok("nodedefine", "e[1-30]", "collective.manager=" + s2.name, "collective.managercandidates=" + a.name);
        cluster.awaitEverywhere("e30: collective.manager: " + s2.name + "\n", "nodeattrib", "e30",
                "collective.manager");

        long killed = System.nanoTime();
        a.kill();
        b.kill();
        Set<String> dead = Set.of(a.name, b.name);
        Map<String, String> movable = managers(s1, "a[1-300],b[1-300]");
        while (movable.values().stream().anyMatch(dead::contains)
                && System.nanoTime() - killed < PATIENCE.toNanos()) {
            Thread.sleep(100);
            movable = managers(s1, "a[1-300],b[1-300]");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("kill -9 of %s and %s together to the reassignment of their 600 movable nodes: %d ms%n",
                a.name, b.name, took.toMillis());

        Set<String> live = survivors.stream().map(m -> m.name).collect(Collectors.toSet());
        Map<String, Integer> aCounts = counts(managers(s1, "a[1-300]").values());
        assertEquals(live, aCounts.keySet(), "a[1-300] spread over all three survivors: " + aCounts);
        assertEquals(300, aCounts.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Map.of(s1.name, 300), counts(managers(s1, "b[1-300]").values()),
                "b[1-300] go to their only live candidate");
        assertEquals(Map.of(a.name, 20), counts(managers(s1, "c[1-20]").values()), "c keep their dead manager");
        assertEquals(Map.of(b.name, 10), counts(managers(s1, "d[1-10]").values()), "d keep their dead manager");
        assertEquals(Map.of(s2.name, 30), counts(managers(s1, "e[1-30]").values()), "e keep their live manager");
        // The docs promise about the session timeout plus 1 to 2 s; seen 10.6 to 12.3 s on this shared
        // 2-core machine (two sessions expire, one pass each): a pass left to a later event fails this.
        assertTrue(took.compareTo(SESSION_TIMEOUT.plusSeconds(5)) < 0, "took " + took);

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            expected.add("c" + i);
        }
        for (int i = 1; i <= 10; i++) {
            expected.add("d" + i);
        }
        String unmanagedLine = "Unmanaged nodes: 30 (c[1-20],d[1-10])\n";
        for (MemberProcess survivor : survivors) {
            // The reassignment was watched through s1: the other survivors' copies, and their view
            // of who is live, may trail by a moment.
            Cluster.awaitEqual(expected.toString(), () -> unmanagedOrError(survivor),
                    "GET /collective/unmanaged on " + survivor.name);
            assertEquals(expected, unmanaged(survivor), "GET /collective/unmanaged on " + survivor.name);
            String shown = awaitShow(survivor, text -> text.contains(unmanagedLine)
                    && text.contains("Offline collective members:")
                    && text.substring(text.indexOf("Offline collective members:")).contains(a.name + " (")
                    && text.substring(text.indexOf("Offline collective members:")).contains(b.name + " ("));
            assertTrue(shown.contains(unmanagedLine), shown);
            assertTrue(shown.contains("Offline collective members:"), shown);
            String offline = shown.substring(shown.indexOf("Offline collective members:"));
            assertTrue(offline.contains(a.name + " (") && offline.contains(b.name + " ("), shown);
        }
    }

    /** Five members, all voters, all agreeing. */
    private List<MemberProcess> formFive() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3", "m4", "m5");
        cluster.assertAgree(5, 0);
        JsonNode status = collective(m1);
        assertEquals(5, status.path("members").size(), status.toString());
        status.path("members").forEach(member -> assertEquals("voter", member.path("role").asText(),
                "losing two of five voters leaves a quorum: " + status));
        return members;
    }

    private JsonNode collective(MemberProcess member) throws Exception {
        Rest.Reply reply = rest.call(member.socket(), HttpMethod.GET, "/collective/", null);
        assertEquals(200, reply.status(), reply.body());
        return JSON.readTree(reply.body());
    }

    /**
     * The leader that {@code GET /collective/} names once the member has a quorum (a member in
     * lock-down names none; on this loaded 2-core machine survivors of a ZooKeeper leader's loss
     * were seen to lock down for a few seconds once more).
     */
    private String awaitLeader(MemberProcess member) throws Exception {
        long deadline = System.nanoTime() + Cluster.CONVERGE.toNanos();
        JsonNode status = collective(member);
        while (!(status.path("quorum").asBoolean() && status.path("leader").isTextual())
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = collective(member);
        }
        assertTrue(status.path("leader").isTextual(), "GET /collective/ on " + member.name + " names a leader: "
                + status);
        return status.path("leader").asText();
    }

    private List<String> unmanaged(MemberProcess member) throws Exception {
        Rest.Reply reply = rest.call(member.socket(), HttpMethod.GET, "/collective/unmanaged", null);
        assertEquals(200, reply.status(), reply.body());
        List<String> nodes = new ArrayList<>();
        JSON.readTree(reply.body()).path("unmanaged").forEach(node -> nodes.add(node.asText()));
        return nodes;
    }

    /** {@link #unmanaged} as text, or what went wrong (for {@link Cluster#awaitEqual}). */
    private String unmanagedOrError(MemberProcess member) {
        try {
            return unmanaged(member).toString();
        } catch (Exception | AssertionError e) {
            return e.toString();
        }
    }

    /** {@code collective show} on {@code member} once {@code condition} holds, or after {@link Cluster#CONVERGE}. */
    private static String awaitShow(MemberProcess member, java.util.function.Predicate<String> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Cluster.CONVERGE.toNanos();
        String shown = member.ok("collective", "show").out();
        while (!condition.test(shown) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            shown = member.ok("collective", "show").out();
        }
        return shown;
    }

    private static MemberProcess byName(List<MemberProcess> members, String name) {
        return members.stream().filter(m -> m.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + name));
    }

    /** Each node's manager, as {@code nodeattrib} shows it; a node listed twice fails. */
    private static Map<String, String> managers(MemberProcess member, String noderange) {
        Map<String, String> managers = new LinkedHashMap<>();
        String marker = ": collective.manager: ";
        for (String line : member.ok("nodeattrib", noderange, "collective.manager").out().split("\n")) {
            int colon = line.indexOf(marker);
            if (colon > 0) {
                String previous = managers.put(line.substring(0, colon), line.substring(colon + marker.length()));
                assertEquals(null, previous, "one manager line per node: " + line);
            }
        }
        return managers;
    }

    private static Map<String, Integer> counts(Collection<String> managers) {
        Map<String, Integer> counts = new TreeMap<>();
        managers.forEach(manager -> counts.merge(manager, 1, Integer::sum));
        return counts;
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
