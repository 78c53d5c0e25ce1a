package org.confluentcollective.server.database;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import java.time.Clock;
import org.confluentcollective.server.api.DatabaseArchive;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.secrets.PassphraseSeal;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.quorum.QuorumWatch;
import org.confluentcollective.server.secrets.CryptedHash;
import org.confluentcollective.server.secrets.SecretCipher;
import org.confluentcollective.server.users.PasswordHasher;
import org.confluentcollective.server.api.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicated database of one member: the memory tree kept in step with ZooKeeper, and
 * the node and user views over it. Closing it stops the planner thread; the Curator client
 * belongs to the caller.
 */
public final class ZkDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZkDatabase.class);
    private static final long LOAD_TIMEOUT_SECONDS = 120;
    /** How long a consistent read may wait for the member to reach the collective. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_PROBE_WAIT = Duration.ofSeconds(10);

    private final ZkNodeDatabase nodes;
    private final ZkUserDirectory users;
    private final ExecutorService planner;
    private final QuorumWatch quorum;
    private final java.util.function.Function<String, DatabaseArchive> archives;

    private ZkDatabase(ZkNodeDatabase nodes, ZkUserDirectory users, ExecutorService planner, QuorumWatch quorum,
                       java.util.function.Function<String, DatabaseArchive> archives) {
        this.quorum = quorum;
        this.archives = archives;
        this.nodes = nodes;
        this.users = users;
        this.planner = planner;
    }

    /**
     * Creates the layout if this is the collective's first member, then loads everything into
     * memory and keeps it in step. Returns once the copy is complete.
     */
    public static ZkDatabase open(CuratorFramework curator, ZnodeLayout layout, AttributeCatalog catalog,
                                  SecretCipher cipher, PasswordHasher hasher) throws Exception {
        createLayout(curator, layout);
        MemoryTree tree = new MemoryTree();
        RecordCodec codec = new RecordCodec();
        TreeSync sync = new TreeSync(layout, codec, tree);
        ZooKeeper zk = curator.getZookeeperClient().getZooKeeper();
        long started = System.nanoTime();
        try {
            sync.start(zk).get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the database did not load within " + LOAD_TIMEOUT_SECONDS + " s", e);
        }
        LOG.info("database loaded: {} nodes, {} groups in {} ms", tree.nodeCount(), tree.sortedGroups().size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        QuorumWatch quorum = new QuorumWatch(curator.getZookeeperClient().isConnected(), sync::probeQuorum,
                sync::isCurrent);
        curator.getConnectionStateListenable().addListener(quorum);
        curator.getConnectionStateListenable().addListener((client, state) -> {
            if (state == ConnectionState.RECONNECTED) {
                resyncIfNewSession(client, sync);
            }
        });
        quorum.start(FIRST_PROBE_WAIT);
        ExecutorService planner = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "database-planner");
            thread.setDaemon(true);
            return thread;
        });
        ZkWriter writer = new ZkWriter(() -> currentZooKeeper(curator), sync, codec, layout);
        Transactions transactions = new Transactions(writer, sync, planner, quorum);
        IdCounter ids = new IdCounter(curator, layout.nodeIndexCounter(), quorum);
        Runnable awaitCurrent = () -> catchUp(sync, quorum);
        ZkNodeDatabase nodes = new ZkNodeDatabase(tree, layout, transactions, ids, catalog, cipher, new CryptedHash(),
                awaitCurrent);
        ZkUserDirectory users = new ZkUserDirectory(tree, layout, transactions, hasher);
        return new ZkDatabase(nodes, users, planner, quorum, member -> new ZkDatabaseArchive(tree, sync, layout,
                transactions, ids, catalog, cipher, awaitCurrent, member, PassphraseSeal.DEFAULT_ITERATIONS,
                Clock.systemUTC()));
    }

    public NodeDatabase nodes() {
        return nodes;
    }

    public UserDirectory users() {
        return users;
    }

    /** Dump, restore and import, for the member named {@code member} (named in each dump). */
    public DatabaseArchive archive(String member) {
        return archives.apply(member);
    }

    /** Whether this member can change the database now (lock-down when not). */
    public QuorumWatch quorum() {
        return quorum;
    }

    @Override
    public void close() {
        quorum.close();
        planner.shutdownNow();
    }

    /**
     * Brings the copy up to everything committed before this call; a locked-down member fails at
     * once with 503 {@code no quorum}. A catch-up interrupted by a disconnection proves nothing
     * and is tried again while time remains (the member may be reconnecting to a quorum).
     */
    private static void catchUp(TreeSync sync, QuorumWatch quorum) {
        quorum.requireQuorum();
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            if (!quorum.hasQuorum()) {
                pause();
                continue;
            }
            try {
                sync.catchUp().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw QuorumWatch.noQuorum();
            } catch (ExecutionException e) {
                last = e.getCause();
                pause();
            } catch (TimeoutException e) {
                last = e;
            }
        }
        LOG.info("a consistent read could not catch up with the collective in {} s: {}",
                CATCH_UP_TIMEOUT.toSeconds(), last == null ? "no quorum" : last.toString());
        throw QuorumWatch.noQuorum();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuorumWatch.noQuorum();
        }
    }

    /** After a session expired, Curator connects with a new handle: watch and load again. */
    private static void resyncIfNewSession(CuratorFramework curator, TreeSync sync) {
        ZooKeeper current = currentZooKeeper(curator);
        if (current == sync.zooKeeper()) {
            return;
        }
        LOG.warn("ZooKeeper session was replaced: reloading the database");
        try {
            sync.start(current).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.error("reloading the database failed", error);
                } else {
                    LOG.info("database reloaded after a new session");
                }
            });
        } catch (Exception e) {
            LOG.error("cannot watch the database with the new session", e);
        }
    }

    private static ZooKeeper currentZooKeeper(CuratorFramework curator) {
        try {
            return curator.getZookeeperClient().getZooKeeper();
        } catch (Exception e) {
            throw new RequestException(RequestException.Kind.UNAVAILABLE, "the collective database is unavailable", e);
        }
    }

    /** Creates the containers; the member that creates the root also creates {@code everything}. */
    private static void createLayout(CuratorFramework curator, ZnodeLayout layout) throws Exception {
        boolean fresh;
        try {
            curator.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT).forPath(layout.root());
            fresh = true;
        } catch (KeeperException.NodeExistsException exists) {
            fresh = false;
        }
        for (String container : layout.containers()) {
            if (curator.checkExists().forPath(container) == null) {
                try {
                    curator.create().forPath(container);
                } catch (KeeperException.NodeExistsException raced) {
                    // another member created it first
                }
            }
        }
        if (curator.checkExists().forPath(layout.barrierPath()) == null) {
            try {
                curator.create().forPath(layout.barrierPath(), new byte[0]);
            } catch (KeeperException.NodeExistsException raced) {
                // another member created it first
            }
        }
        if (curator.checkExists().forPath(layout.nodeIndexCounter()) == null) {
            try {
                curator.create().forPath(layout.nodeIndexCounter(), "1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (KeeperException.NodeExistsException raced) {
                // another member created it first
            }
        }
        if (fresh) {
            curator.create().forPath(layout.groupPath(ZkNodeDatabase.EVERYTHING),
                    new RecordCodec().encode(GroupRecord.empty()));
        }
    }
}
