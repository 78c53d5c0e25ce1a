package org.confluentcollective.server.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReassignmentTest {

    private static final Set<String> MEMBERS = Set.of("m1", "m2", "m3");

    @Test
    void thousandNodesOfADeadMemberSplitEvenlyOverTwoSurvivors() {
        List<ManagedNode> nodes = new ArrayList<>(range("a", 1000, "m3", List.of("m1", "m2", "m3")));
        // m1 already manages 100 nodes: m2 takes more, so that both end within one of each other.
        nodes.addAll(range("b", 100, "m1", List.of()));
        Reassignment plan = Reassignment.failover(nodes, MEMBERS, Set.of("m1", "m2"));
        assertEquals(1000, plan.moves().size());
        Map<String, Integer> after = countsAfter(nodes, plan);
        assertEquals(Map.of("m1", 550, "m2", 550), after);
        assertTrue(plan.moves().stream().allMatch(m -> m.from().equals("m3")));
        assertEquals(List.of(), plan.unmanaged());
    }

    @Test
    void onlyLiveCandidatesTakeNodesAndNodesWithoutOneStayUnmanaged() {
        List<ManagedNode> nodes = List.of(
                new ManagedNode("n1", "m3", List.of("m3", "m2")),
                new ManagedNode("n2", "m3", List.of()),
                new ManagedNode("n3", "m3", List.of("m3")),
                new ManagedNode("n4", "m1", List.of("m2")),
                new ManagedNode("n5", null, List.of("m2")));
        Reassignment plan = Reassignment.failover(nodes, MEMBERS, Set.of("m1", "m2"));
        assertEquals(List.of(new Move("n1", "m3", "m2")), plan.moves(),
                "a live manager keeps its nodes; a node without a manager is not failover's");
        assertEquals(List.of("n2", "n3"), plan.unmanaged());
    }

    @Test
    void candidatesThatAreNotMembersAreIgnoredAndReported() {
        List<ManagedNode> nodes = List.of(
                new ManagedNode("n1", "m3", List.of("x9", "m1")),
                new ManagedNode("n2", "m3", List.of("x9")),
                new ManagedNode("n3", "m3", List.of("ghost")));
        Reassignment plan = Reassignment.failover(nodes, MEMBERS, Set.of("m1", "m2"));
        assertEquals(List.of(new Move("n1", "m3", "m1")), plan.moves());
        assertEquals(List.of("n2", "n3"), plan.unmanaged());
        assertEquals(List.of("ghost", "x9"), plan.nonMembers());
    }

    @Test
    void twoDeadMembersBothHandOverToTheLastLiveCandidate() {
        List<ManagedNode> nodes = new ArrayList<>(range("a", 30, "m2", List.of("m1", "m2", "m3")));
        nodes.addAll(range("b", 30, "m3", List.of("m2", "m3", "m1")));
        Reassignment plan = Reassignment.failover(nodes, MEMBERS, Set.of("m1"));
        assertEquals(Map.of("m1", 60), countsAfter(nodes, plan));
    }

    @Test
    void aReturningMemberGetsNothingFromFailoverButItsShareFromRebalance() {
        List<ManagedNode> nodes = new ArrayList<>(range("a", 500, "m1", List.of("m1", "m2", "m3")));
        nodes.addAll(range("b", 500, "m2", List.of("m1", "m2", "m3")));
        nodes.addAll(range("c", 10, "m1", List.of()));
        assertEquals(List.of(), Reassignment.failover(nodes, MEMBERS, MEMBERS).moves());

        Reassignment plan = Reassignment.rebalance(nodes, MEMBERS, MEMBERS);
        Map<String, Integer> after = countsAfter(nodes, plan);
        assertEquals(1010, after.values().stream().mapToInt(Integer::intValue).sum());
        int max = after.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = after.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(max - min <= 1, after.toString());
        assertEquals(plan.moves().size(), after.get("m3"), "only moves onto the empty member: " + after);
        assertEquals(List.of(), Reassignment.rebalance(apply(nodes, plan), MEMBERS, MEMBERS).moves(),
                "a balanced collective stays as it is");
    }

    @Test
    void rebalanceRespectsEachNodesCandidates() {
        List<ManagedNode> nodes = new ArrayList<>(range("a", 10, "m1", List.of("m1", "m2")));
        nodes.addAll(range("b", 10, "m1", List.of("m1")));
        Reassignment plan = Reassignment.rebalance(nodes, MEMBERS, MEMBERS);
        assertEquals(Map.of("m1", 10, "m2", 10), countsAfter(nodes, plan));
        assertTrue(plan.moves().stream().allMatch(m -> m.node().startsWith("a")));
    }

    private static List<ManagedNode> range(String prefix, int count, String manager, List<String> candidates) {
        List<ManagedNode> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(new ManagedNode(prefix + i, manager, candidates));
        }
        return nodes;
    }

    private static List<ManagedNode> apply(List<ManagedNode> nodes, Reassignment plan) {
        Map<String, String> to = new TreeMap<>();
        plan.moves().forEach(m -> to.put(m.node(), m.to()));
        return nodes.stream()
                .map(n -> new ManagedNode(n.node(), to.getOrDefault(n.node(), n.manager()), n.candidates()))
                .toList();
    }

    private static Map<String, Integer> countsAfter(List<ManagedNode> nodes, Reassignment plan) {
        Map<String, Integer> counts = new TreeMap<>();
        apply(nodes, plan).forEach(n -> counts.merge(n.manager(), 1, Integer::sum));
        return counts;
    }
}
