package org.confluentcollective.server.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.confluentcollective.server.api.MemberAddress;
import org.confluentcollective.server.api.MemberForwarder;
import org.confluentcollective.server.api.NodeHandler;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.NodeResult;
import org.confluentcollective.server.api.NodeValues;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.collective.MemberDirectory;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.noderange.NaturalOrder;

/**
 * Routes node operations by {@code collective.manager}: this member's nodes and nodes without a
 * manager run here; every other manager gets its share at once, in parallel, and each share is
 * bounded in time, so an unreachable or slow manager costs only its own nodes an error naming it.
 * A forwarded share is run here and never forwarded again, whatever the copy says now.
 */
public final class RequestRouter implements NodeOperations, AutoCloseable {

    static final String MANAGER = "collective.manager";

    private final NodeHandler local;
    private final NodeValues values;
    private final MemberDirectory members;
    private final MemberForwarder forwarder;
    private final Duration forwardTimeout;
    /** Forwarded shares wait on the network; bounded, and never more than one per member per request. */
    private final ExecutorService shares;

    /**
     * @param forwardTimeout how long a manager may take for its whole share (its own per-node
     *                       timeouts plus a margin)
     */
    public RequestRouter(NodeHandler local, NodeValues values, MemberDirectory members, MemberForwarder forwarder,
                         Duration forwardTimeout) {
        this.local = local;
        this.values = values;
        this.members = members;
        this.forwarder = forwarder;
        this.forwardTimeout = forwardTimeout;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(32, 32, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "route-forward-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.shares = pool;
    }

    @Override
    public boolean handles(NodeOperation operation) {
        return local.handles(operation);
    }

    @Override
    public List<String> resources() {
        return local.resources();
    }

    @Override
    public SortedMap<String, NodeResult> run(NodeOperation operation, List<String> nodes, boolean forwarded) {
        local.validate(operation);
        SortedMap<String, NodeResult> results = new TreeMap<>(new NaturalOrder());
        if (forwarded) {
            results.putAll(local.run(operation, nodes));
            return complete(results, nodes);
        }
        Map<String, List<String>> byManager = new LinkedHashMap<>();
        List<String> own = new ArrayList<>();
        for (String node : nodes) {
            String manager = values.values(node, List.of(MANAGER)).get(MANAGER);
            if (manager == null || manager.isBlank() || manager.equals(members.selfName())) {
                own.add(node);
            } else {
                byManager.computeIfAbsent(manager, m -> new ArrayList<>()).add(node);
            }
        }
        List<CompletableFuture<Map<String, NodeResult>>> remote = new ArrayList<>();
        byManager.forEach((manager, share) -> remote.add(forward(manager, operation, share)));
        if (!own.isEmpty()) {
            results.putAll(local.run(operation, own));
        }
        for (CompletableFuture<Map<String, NodeResult>> answer : remote) {
            results.putAll(answer.join());
        }
        return complete(results, nodes);
    }

    /** The share's answer, or each of its nodes an error naming the manager; never fails. */
    private CompletableFuture<Map<String, NodeResult>> forward(String manager, NodeOperation operation,
                                                               List<String> share) {
        Optional<MemberInfo> member = members.member(manager);
        if (member.isEmpty()) {
            return CompletableFuture.completedFuture(failAll(share, NodeResult.failed(400, MANAGER + " " + manager
                    + " is not a member of the collective")));
        }
        if (!members.isLive(manager)) {
            return CompletableFuture.completedFuture(failAll(share, NodeResult.failed(503, MANAGER + " " + manager
                    + " is not live; nodes with collective.managercandidates move to a live candidate")));
        }
        MemberInfo info = member.get();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return forwarder.forward(new MemberAddress(info.name(), info.address(), info.memberPort(),
                        info.fingerprint()), operation, share, forwardTimeout);
            } catch (RequestException e) {
                return failAll(share, NodeResult.failed(503, MANAGER + " " + manager + " did not answer: "
                        + e.getMessage()));
            }
        }, shares).completeOnTimeout(failAll(share, NodeResult.failed(504, MANAGER + " " + manager
                + " did not answer within " + forwardTimeout.toSeconds() + " s")),
                forwardTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private static Map<String, NodeResult> failAll(List<String> nodes, NodeResult error) {
        Map<String, NodeResult> results = new LinkedHashMap<>();
        nodes.forEach(node -> results.put(node, error));
        return results;
    }

    /** Every node asked for is answered, and only those: a manager's answer cannot add or drop nodes. */
    private static SortedMap<String, NodeResult> complete(SortedMap<String, NodeResult> results, List<String> nodes) {
        SortedMap<String, NodeResult> answered = new TreeMap<>(results.comparator());
        for (String node : nodes) {
            answered.put(node, results.getOrDefault(node,
                    NodeResult.failed(502, "no answer was given for this node")));
        }
        return answered;
    }

    @Override
    public void close() {
        shares.shutdownNow();
    }
}
