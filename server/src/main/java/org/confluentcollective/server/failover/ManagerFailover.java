package org.confluentcollective.server.failover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.confluentcollective.server.api.ManagerAssignment;
import org.confluentcollective.server.api.QuorumStatus;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.UnmanagedNodes;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.collective.Collective;
import org.confluentcollective.server.collective.LeaderListener;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.server.quorum.QuorumWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manager failover (design.md §5), run by the latch leader only: when a member's liveness znode
 * goes, and once for the whole state whenever this member starts leading (so a pass a former
 * leader left half done is finished), every node whose manager is not live moves to its live
 * candidate with the fewest nodes ({@link Reassignment}), in batched changes. A pass needs a
 * quorum; without one it does nothing and, while this member still leads, tries again shortly: the
 * latch reports leadership on reconnection, before the quorum probe has confirmed the quorum, and
 * no other event may follow. Events arrive on ZooKeeper's thread; passes run on this class's own thread, and a burst of
 * events while one is queued costs one pass.
 */
public final class ManagerFailover implements LeaderListener, ManagerAssignment, AutoCloseable {

    static final String MANAGER = "collective.manager";
    static final String CANDIDATES = "collective.managercandidates";

    private static final Logger LOG = LoggerFactory.getLogger(ManagerFailover.class);
    private static final AttributeSelection BOTH = new AttributeSelection(false, List.of(MANAGER, CANDIDATES));
    private static final AttributeSelection MANAGER_ONLY = new AttributeSelection(false, List.of(MANAGER));
    private static final long REBALANCE_WAIT_MINUTES = 10;
    /** How soon a leader whose pass found no quorum tries again (QuorumWatch probes every 500 ms). */
    private static final long NO_QUORUM_RETRY_MILLIS = 1000;

    private final NodeDatabase nodes;
    private final Collective collective;
    private final QuorumStatus quorum;
    private final NodeRanges noderanges;
    private final int batchSize;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "manager-failover");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private volatile boolean leading;

    /** @param batchSize nodes per change (one ZooKeeper multi each) */
    public ManagerFailover(NodeDatabase nodes, Collective collective, QuorumStatus quorum, NodeRanges noderanges,
                           int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.nodes = nodes;
        this.collective = collective;
        this.quorum = quorum;
        this.noderanges = noderanges;
        this.batchSize = batchSize;
    }

    /** Starts listening; a pass runs at once when this member already leads. */
    public void start() {
        collective.addListener(this);
    }

    @Override
    public void leading() {
        leading = true;
        queuePass();
    }

    @Override
    public void notLeading() {
        leading = false;
    }

    @Override
    public void memberLeft(String member) {
        if (leading) {
            queuePass();
        }
    }

    private void queuePass() {
        if (passQueued.compareAndSet(false, true)) {
            worker.execute(this::failoverPass);
        }
    }

    private void failoverPass() {
        passQueued.set(false);
        if (!leading) {
            return;
        }
        if (!quorum.hasQuorum()) {
            retryWhileLeading();
            return;
        }
        try {
            // A former leader's last writes must be in this copy before it is read.
            nodes.awaitCurrent();
            Set<String> members = collective.memberNames();
            Set<String> live = collective.liveMembers();
            CandidateRanges candidates = new CandidateRanges(noderanges, members);
            Reassignment plan = Reassignment.failover(snapshot(candidates), members, live);
            report(plan, candidates);
            write(plan.moves(), () -> leading);
        } catch (RequestException e) {
            LOG.warn("manager failover stopped: {}; the next leader, or this one once it has a quorum, redoes it",
                    e.getMessage());
            if (e.kind() == RequestException.Kind.UNAVAILABLE) {
                retryWhileLeading();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("manager failover stopped: cannot read the members ({}); tried again while this member leads",
                    e.toString());
            retryWhileLeading();
        }
    }

    /** Queues a pass a little later, unless this member no longer leads by then. */
    private void retryWhileLeading() {
        if (leading && !worker.isShutdown()) {
            worker.schedule(() -> {
                if (leading) {
                    queuePass();
                }
            }, NO_QUORUM_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public int rebalance() {
        if (!quorum.hasQuorum()) {
            throw QuorumWatch.noQuorum();
        }
        // On the failover thread, so that it never interleaves with a pass of this member's.
        Future<Integer> done = worker.submit(() -> {
            nodes.awaitCurrent();
            Set<String> members = collective.memberNames();
            CandidateRanges candidates = new CandidateRanges(noderanges, members);
            Reassignment plan = Reassignment.rebalance(snapshot(candidates), members, collective.liveMembers());
            report(plan, candidates);
            return write(plan.moves(), () -> true);
        });
        try {
            return done.get(REBALANCE_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException("rebalance failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebalancing", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("rebalance still running after " + REBALANCE_WAIT_MINUTES + " minutes");
        }
    }

    @Override
    public UnmanagedNodes unmanaged() {
        Set<String> live = collective.liveMembers();
        List<String> unmanaged = new ArrayList<>();
        for (String node : nodes.nodes()) {
            nodes.findNodeAttributes(node, MANAGER_ONLY)
                    .flatMap(attributes -> value(attributes, MANAGER))
                    .filter(manager -> !live.contains(manager))
                    .ifPresent(manager -> unmanaged.add(node));
        }
        return new UnmanagedNodes(unmanaged, spell(unmanaged));
    }

    /** Every node with its manager and the names its candidates spell, from this member's copy. */
    private List<ManagedNode> snapshot(CandidateRanges candidates) {
        List<ManagedNode> snapshot = new ArrayList<>();
        for (String node : nodes.nodes()) {
            nodes.findNodeAttributes(node, BOTH).ifPresent(attributes -> snapshot.add(new ManagedNode(node,
                    value(attributes, MANAGER).orElse(null),
                    candidates.names(value(attributes, CANDIDATES).orElse(null)))));
        }
        return snapshot;
    }

    /** Once per pass, not per node: what the operator has to fix. */
    private static void report(Reassignment plan, CandidateRanges candidates) {
        if (!plan.nonMembers().isEmpty()) {
            LOG.warn("collective.managercandidates names {} not a member of the collective, ignored: {}",
                    plan.nonMembers().size() == 1 ? "one candidate" : plan.nonMembers().size() + " candidates",
                    String.join(",", plan.nonMembers()));
        }
        if (!candidates.invalid().isEmpty()) {
            LOG.warn("collective.managercandidates is no valid noderange, ignored: {}", candidates.invalid());
        }
        if (!plan.unmanaged().isEmpty()) {
            LOG.info("{} nodes have no live manager and no live candidate: {}", plan.unmanaged().size(),
                    spell(plan.unmanaged()));
        }
    }

    /**
     * Writes the moves grouped by old and new manager, {@code batchSize} nodes per change. A node
     * whose manager changed since the plan was made (a user, a rebalance elsewhere) is left alone,
     * also when it changes while the batch is written.
     *
     * @param proceed checked before each batch: a pass stops once this member no longer leads
     * @return how many nodes changed manager
     */
    private int write(List<Move> moves, BooleanSupplier proceed) {
        Map<Route, List<String>> groups = new LinkedHashMap<>();
        for (Move move : moves) {
            groups.computeIfAbsent(new Route(move.from(), move.to()), key -> new ArrayList<>()).add(move.node());
        }
        int moved = 0;
        for (Map.Entry<Route, List<String>> group : groups.entrySet()) {
            String from = group.getKey().from();
            String to = group.getKey().to();
            List<String> all = group.getValue();
            for (int start = 0; start < all.size(); start += batchSize) {
                if (!proceed.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return moved;
                }
                List<String> batch = all.subList(start, Math.min(all.size(), start + batchSize)).stream()
                        .filter(node -> managerOf(node).equals(Optional.ofNullable(from)))
                        .toList();
                if (batch.isEmpty()) {
                    continue;
                }
                // Checked again where the write commits: a user's change since the filter stays.
                Map<String, String> stillFrom = new HashMap<>();
                stillFrom.put(MANAGER, from);
                int changed = nodes.updateNodesIf(batch, stillFrom, Map.of(MANAGER, new AttributeInput.Value(to))).size();
                moved += changed;
                LOG.info("moved {} nodes from {} to {}", changed, from, to);
            }
        }
        return moved;
    }

    private record Route(String from, String to) {
    }

    private Optional<String> managerOf(String node) {
        return nodes.findNodeAttributes(node, MANAGER_ONLY).flatMap(attributes -> value(attributes, MANAGER));
    }

    private static Optional<String> value(SortedMap<String, AttributeView> attributes, String name) {
        AttributeView view = attributes.get(name);
        return view == null || view.value() == null || view.value().isBlank() ? Optional.empty()
                : Optional.of(view.value());
    }

    private static String spell(List<String> nodes) {
        try {
            return NodeRanges.abbreviate(nodes);
        } catch (IllegalArgumentException unusualName) {
            return String.join(",", nodes);
        }
    }

    /** Stops listening and waits briefly for a batch in flight; a pass cut short is the next leader's. */
    @Override
    public void close() {
        collective.removeListener(this);
        leading = false;
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.debug("a manager failover batch is still being written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
