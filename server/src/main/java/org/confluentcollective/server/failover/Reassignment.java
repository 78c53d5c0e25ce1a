package org.confluentcollective.server.failover;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.confluentcollective.server.noderange.NaturalOrder;

/**
 * The assignment rule, as a pure function of the nodes, the members and which of them are live
 * (design.md §5): a node whose manager is not live moves to the live candidate managing the fewest
 * nodes, counting every node and each move as it is decided. Candidates that are not members are
 * left out (and reported); a node without a live candidate keeps its manager and stays unmanaged.
 *
 * @param moves      nodes to write, in the order of {@code nodes}
 * @param unmanaged  nodes whose manager is not live and that have no live candidate, naturally sorted
 * @param nonMembers candidate names that are not members of the collective, naturally sorted
 */
public record Reassignment(List<Move> moves, List<String> unmanaged, List<String> nonMembers) {

    private static final Comparator<String> NATURAL = new NaturalOrder();

    public Reassignment {
        moves = List.copyOf(moves);
        unmanaged = List.copyOf(unmanaged);
        nonMembers = List.copyOf(nonMembers);
    }

    /** What failover does: only nodes whose manager is set and not live move. */
    public static Reassignment failover(Collection<ManagedNode> nodes, Set<String> members, Set<String> live) {
        return plan(nodes, members, live, false);
    }

    /**
     * What {@code collective rebalance} does: failover first, then nodes with more than one live
     * candidate move from the busiest to the least busy of them until no move narrows a gap.
     */
    public static Reassignment rebalance(Collection<ManagedNode> nodes, Set<String> members, Set<String> live) {
        return plan(nodes, members, live, true);
    }

    private static Reassignment plan(Collection<ManagedNode> nodes, Set<String> members, Set<String> live,
                                     boolean balance) {
        Map<String, Integer> counts = new HashMap<>();
        live.forEach(member -> counts.put(member, 0));
        for (ManagedNode node : nodes) {
            if (node.manager() != null) {
                counts.merge(node.manager(), 1, Integer::sum);
            }
        }
        Set<String> nonMembers = new TreeSet<>(NATURAL);
        List<String> unmanaged = new ArrayList<>();
        // Current manager of every node that may move, in input order (the order writes are made).
        Map<String, String> managers = new LinkedHashMap<>();
        Map<String, List<String>> liveCandidates = new HashMap<>();
        for (ManagedNode node : nodes) {
            List<String> usable = new ArrayList<>();
            for (String candidate : node.candidates()) {
                if (!members.contains(candidate)) {
                    nonMembers.add(candidate);
                } else if (live.contains(candidate) && !usable.contains(candidate)) {
                    usable.add(candidate);
                }
            }
            boolean orphan = node.manager() != null && !live.contains(node.manager());
            if (orphan && usable.isEmpty()) {
                unmanaged.add(node.node());
                continue;
            }
            if (usable.isEmpty() || node.manager() == null || (!orphan && !balance)) {
                continue;
            }
            usable.sort(NATURAL);
            liveCandidates.put(node.node(), usable);
            String manager = node.manager();
            if (orphan) {
                String to = leastBusy(usable, counts);
                counts.merge(manager, -1, Integer::sum);
                counts.merge(to, 1, Integer::sum);
                manager = to;
            }
            managers.put(node.node(), manager);
        }
        if (balance) {
            narrowGaps(managers, liveCandidates, counts);
        }
        Map<String, String> before = new HashMap<>();
        nodes.forEach(node -> before.put(node.node(), node.manager()));
        List<Move> moves = new ArrayList<>();
        managers.forEach((node, manager) -> {
            if (!manager.equals(before.get(node))) {
                moves.add(new Move(node, before.get(node), manager));
            }
        });
        unmanaged.sort(NATURAL);
        return new Reassignment(moves, unmanaged, List.copyOf(nonMembers));
    }

    /**
     * Takes nodes from the busiest member to their least busy live candidate while that narrows a
     * gap of two or more; each node is considered once, so no node moves twice and no node moves
     * between two members that both stay above the others. A final sweep catches what the order
     * left (rare, with overlapping candidate sets); each of its moves lowers the sum of squared
     * counts, so it ends.
     */
    private static void narrowGaps(Map<String, String> managers, Map<String, List<String>> candidates,
                                   Map<String, Integer> counts) {
        Map<String, ArrayDeque<String>> queues = new HashMap<>();
        managers.forEach((node, manager) -> queues.computeIfAbsent(manager, m -> new ArrayDeque<>()).add(node));
        for (String from = busiest(queues, counts); from != null; from = busiest(queues, counts)) {
            String node = queues.get(from).poll();
            moveIfNarrower(node, from, candidates.get(node), managers, counts);
        }
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Map.Entry<String, String> entry : managers.entrySet()) {
                moved |= moveIfNarrower(entry.getKey(), entry.getValue(), candidates.get(entry.getKey()), managers,
                        counts);
            }
        }
    }

    private static boolean moveIfNarrower(String node, String from, List<String> candidates,
                                          Map<String, String> managers, Map<String, Integer> counts) {
        String to = leastBusy(candidates, counts);
        if (counts.get(from) - counts.get(to) < 2) {
            return false;
        }
        counts.merge(from, -1, Integer::sum);
        counts.merge(to, 1, Integer::sum);
        managers.put(node, to);
        return true;
    }

    /** The member with the most nodes among those with nodes left to consider; ties by natural order. */
    private static String busiest(Map<String, ArrayDeque<String>> queues, Map<String, Integer> counts) {
        String best = null;
        for (Map.Entry<String, ArrayDeque<String>> queue : queues.entrySet()) {
            String member = queue.getKey();
            if (!queue.getValue().isEmpty() && (best == null || counts.get(member) > counts.get(best)
                    || (counts.get(member).equals(counts.get(best)) && NATURAL.compare(member, best) < 0))) {
                best = member;
            }
        }
        return best;
    }

    /** The candidate with the fewest nodes; ties go to the first in natural order. */
    private static String leastBusy(List<String> candidates, Map<String, Integer> counts) {
        String best = candidates.get(0);
        for (String candidate : candidates) {
            if (counts.get(candidate) < counts.get(best)) {
                best = candidate;
            }
        }
        return best;
    }
}
