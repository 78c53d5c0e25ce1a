package org.confluentcollective.server.collective;

import org.confluentcollective.server.api.CollectiveStatus;
import org.confluentcollective.server.api.CollectiveView;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.api.MemberStatus;
import org.confluentcollective.server.api.QuorumStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.noderange.NaturalOrder;
import org.confluentcollective.zk.PeerState;
import org.confluentcollective.zk.ZooKeeperRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's place in the collective: its registry entry, its liveness znode (ephemeral,
 * recreated by Curator after a new session, holding its ZooKeeper role) and its part in the
 * leader election. The latch leader is an internal role (it runs manager failover); users never need
 * to talk to it. The ZooKeeper leader is another member as often as not, and shown beside it.
 */
public final class Collective implements CollectiveView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Collective.class);
    private static final String MANAGER = "collective.manager";
    private static final java.time.Duration ELECTION_WAIT = java.time.Duration.ofSeconds(10);

    /** How long {@link #status()} waits for the collective before answering from the last state. */
    static final Duration STATUS_WAIT = Duration.ofSeconds(5);

    private final CuratorFramework curator;
    private final CollectivePaths paths;
    private final MemberInfo self;
    private final QuorumStatus quorum;
    private final NodeDatabase nodes;
    private final ObjectMapper json = new ObjectMapper();
    private final Supplier<PeerState> localPeer;
    /** The registry, cached: status reads no member entry per request. */
    private final MemberDirectory registry;
    private final PersistentNode liveness;
    private final RolePublisher publisher;
    /** Every member's liveness znode and role, so status reads none of them per request. */
    private final CuratorCache live;
    private final LeaderLatch latch;
    /** The last status read with a quorum: what a locked-down member still shows. */
    private volatile CollectiveStatus lastSeen;
    /** One reader; a few callers wait for it, more are answered from the last state at once. */
    private final ExecutorService statusReader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(8), runnable -> {
                Thread thread = new Thread(runnable, "collective-status");
                thread.setDaemon(true);
                return thread;
            });
    private final List<LeaderListener> listeners = new CopyOnWriteArrayList<>();
    /** Until the liveness cache is loaded, every other member would look dead to the leader. */
    private volatile boolean livenessLoaded;

    /**
     * @param localPeer this member's ZooKeeper peer's role and leader, known without a quorum too
     * @param registry  the cached registry {@link #status} answers from once it is loaded
     */
    public Collective(CuratorFramework curator, CollectivePaths paths, MemberInfo self, QuorumStatus quorum,
                      NodeDatabase nodes, Supplier<PeerState> localPeer, MemberDirectory registry) {
        this.curator = curator;
        this.paths = paths;
        this.self = self;
        this.quorum = quorum;
        this.nodes = nodes;
        this.localPeer = localPeer;
        this.registry = registry;
        ZooKeeperRole role = localPeer.get().role();
        this.liveness = new PersistentNode(curator, CreateMode.EPHEMERAL, false, paths.live(self.name()),
                RolePublisher.encode(role));
        this.publisher = new RolePublisher(localPeer, liveness, role);
        // A failed background read is retried by the cache itself; the default handler logs ERROR.
        this.live = CuratorCache.builder(curator, paths.liveParent())
                .withExceptionHandler(e -> LOG.debug("liveness cache: read failed, retried on reconnect", e))
                .build();
        this.latch = new LeaderLatch(curator, paths.leader(), self.name());
        this.lastSeen = new CollectiveStatus(false, null,
                List.of(new MemberStatus(self.name(), self.role(), self.address(), self.version(), true, 0, role)));
    }

    /** Registers this member (or refreshes its entry), then announces it live and joins the election. */
    public void start() throws Exception {
        byte[] entry = json.writeValueAsBytes(self);
        try {
            curator.create().creatingParentsIfNeeded().forPath(paths.member(self.name()), entry);
        } catch (KeeperException.NodeExistsException registered) {
            curator.setData().forPath(paths.member(self.name()), entry);
        }
        if (curator.checkExists().forPath(paths.liveParent()) == null) {
            try {
                curator.create().creatingParentsIfNeeded().forPath(paths.liveParent());
            } catch (KeeperException.NodeExistsException raced) {
                // another member created it first
            }
        }
        liveness.start();
        if (!liveness.waitForInitialCreate(ELECTION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the liveness znode was not created within " + ELECTION_WAIT.toSeconds()
                    + " s");
        }
        publisher.start();
        CountDownLatch loaded = new CountDownLatch(1);
        live.listenable().addListener(CuratorCacheListener.builder()
                .forInitialized(() -> {
                    livenessLoaded = true;
                    loaded.countDown();
                    if (latch.hasLeadership()) {
                        listeners.forEach(LeaderListener::leading);
                    }
                })
                .forDeletes(gone -> {
                    if (paths.liveParent().equals(ZKPaths.getPathAndNode(gone.getPath()).getPath())) {
                        String member = ZKPaths.getNodeFromPath(gone.getPath());
                        listeners.forEach(listener -> listener.memberLeft(member));
                    }
                })
                .build());
        live.start();
        // Start-up only: return once some member leads, so the first show already names it.
        // Candidates already waiting mean a leader exists; otherwise this member will lead.
        boolean othersCandidates = !candidates().isEmpty();
        CountDownLatch leading = new CountDownLatch(1);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                leading.countDown();
                if (livenessLoaded) {
                    listeners.forEach(LeaderListener::leading);
                }
            }

            @Override
            public void notLeader() {
                // status() asks the latch for the current leader; only the listeners keep state.
                listeners.forEach(LeaderListener::notLeading);
            }
        });
        latch.start();
        loaded.await(ELECTION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!othersCandidates) {
            leading.await(ELECTION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Registers work that runs on the leader; told {@code leading()} at once when this member
     * already leads.
     */
    public void addListener(LeaderListener listener) {
        listeners.add(listener);
        if (livenessLoaded && latch.hasLeadership()) {
            listener.leading();
        }
    }

    public void removeListener(LeaderListener listener) {
        listeners.remove(listener);
    }

    /** The members whose liveness znode exists, as this member last saw them. */
    public Set<String> liveMembers() {
        return liveRoles().keySet();
    }

    /** Every registered member, live or not (read from ZooKeeper). */
    public Set<String> memberNames() throws Exception {
        return Set.copyOf(curator.getChildren().forPath(paths.members()));
    }

    /** The latch znodes of the members in the election (the leader's among them). */
    private List<String> candidates() throws Exception {
        try {
            return curator.getChildren().forPath(paths.leader());
        } catch (KeeperException.NoNodeException none) {
            return List.of();
        }
    }

    public MemberInfo self() {
        return self;
    }

    /**
     * The collective as this member sees it, within {@link #STATUS_WAIT}: the quorum can go
     * between the check and the reads, and a read through Curator then retries for a minute and
     * more, when {@code collective show} is needed most. Past the wait, the last state seen
     * answers, marked without a quorum.
     */
    @Override
    public CollectiveStatus status() {
        if (!quorum.hasQuorum()) {
            return withoutQuorum(lastSeen);
        }
        Future<CollectiveStatus> read;
        try {
            read = statusReader.submit(this::readStatus);
        } catch (RejectedExecutionException busy) {
            return withoutQuorum(lastSeen);
        }
        try {
            return read.get(STATUS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            read.cancel(true); // interrupts Curator's retry sleeps, freeing the reader
            LOG.debug("the collective did not answer within {} s; answering from the last state seen",
                    STATUS_WAIT.toSeconds());
            return withoutQuorum(lastSeen);
        } catch (ExecutionException e) {
            LOG.debug("cannot read the collective now; answering from the last state seen", e.getCause());
            return withoutQuorum(lastSeen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            read.cancel(true);
            return withoutQuorum(lastSeen);
        }
    }

    private CollectiveStatus readStatus() throws Exception {
        Map<String, ZooKeeperRole> roles = liveRoles();
        PeerState own = localPeer.get();
        Ensemble ensemble = ensemble();
        List<MemberStatus> members = new ArrayList<>();
        for (MemberInfo info : registered()) {
            String name = info.name();
            // The ensemble, not the registry, says who votes (a promotion changes both, the ensemble first).
            MemberRole role = ensemble.server(info.serverId())
                    .map(s -> MemberRole.of(s.role()))
                    .orElse(info.role());
            ZooKeeperRole zooKeeper = name.equals(self.name()) ? own.role()
                    : zooKeeperRole(roles.getOrDefault(name, ZooKeeperRole.UNREACHABLE), info.serverId(),
                            own.leaderId());
            members.add(new MemberStatus(name, role, info.address(), info.version(), roles.containsKey(name),
                    managedBy(name), zooKeeper));
        }
        String leader = latch.getLeader().getId();
        CollectiveStatus status = new CollectiveStatus(true, leader.isEmpty() ? null : leader, members);
        lastSeen = status;
        return status;
    }

    /**
     * Every registered member, naturally sorted: from the registry cache once it is loaded, read
     * from ZooKeeper before that (just after start).
     */
    private List<MemberInfo> registered() throws Exception {
        if (registry.registryLoaded()) {
            return registry.members();
        }
        List<String> names = new ArrayList<>(curator.getChildren().forPath(paths.members()));
        names.sort(new NaturalOrder());
        List<MemberInfo> members = new ArrayList<>();
        for (String name : names) {
            members.add(json.readValue(curator.getData().forPath(paths.member(name)), MemberInfo.class));
        }
        return members;
    }

    /**
     * Another member's role as this member can tell: the leader this member's peer follows is
     * the leader, whatever it last published (it publishes within a second); another member
     * still claiming to lead was replaced (its liveness znode outlives a kill -9 by up to the
     * session timeout), so it is no longer reachable as a member of this ensemble.
     */
    private static ZooKeeperRole zooKeeperRole(ZooKeeperRole published, int serverId, OptionalInt leaderId) {
        if (leaderId.isEmpty()) {
            return published;
        }
        if (serverId == leaderId.getAsInt()) {
            return ZooKeeperRole.LEADER;
        }
        return published == ZooKeeperRole.LEADER ? ZooKeeperRole.UNREACHABLE : published;
    }

    /** Live members by name, with the role each published. */
    private Map<String, ZooKeeperRole> liveRoles() {
        return live.stream()
                .filter(node -> paths.liveParent().equals(ZKPaths.getPathAndNode(node.getPath()).getPath()))
                .collect(Collectors.toMap(node -> ZKPaths.getNodeFromPath(node.getPath()),
                        node -> RolePublisher.decode(node.getData())));
    }

    /** This member's last-known ensemble (no sync: status must not wait on the leader). */
    private Ensemble ensemble() {
        try {
            return Ensemble.parse(curator.getData().forPath(org.apache.zookeeper.ZooDefs.CONFIG_NODE));
        } catch (Exception e) {
            return new Ensemble(List.of(), 0);
        }
    }

    private int managedBy(String member) {
        return nodes.expand(MANAGER + "=" + member).size();
    }

    /** The members last seen, but this member's own role as its peer says now (e.g. looking). */
    private CollectiveStatus withoutQuorum(CollectiveStatus seen) {
        ZooKeeperRole own = localPeer.get().role();
        return new CollectiveStatus(false, null, seen.members().stream()
                .map(m -> m.name().equals(self.name()) ? m.withZooKeeper(own) : m)
                .toList());
    }

    /**
     * Leaves the election and withdraws the liveness znode. Without a quorum there is nothing to
     * delete that the session's end would not remove anyway, and deleting would only block in
     * retries, so the znodes are left to the closing client.
     */
    @Override
    public void close() {
        statusReader.shutdownNow();
        publisher.close();
        live.close();
        if (!quorum.hasQuorum()) {
            return;
        }
        try {
            latch.close();
        } catch (IOException | IllegalStateException e) {
            LOG.debug("leader latch already closed", e);
        }
        try {
            liveness.close();
        } catch (IOException e) {
            LOG.debug("liveness znode already gone", e);
        }
    }
}
