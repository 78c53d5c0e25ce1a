package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link MemoryTree} equal to the ZooKeeper data under the layout's root.
 *
 * <p>Everything that changes the tree runs on the ZooKeeper client's event thread: the
 * persistent recursive watch's events, the answers to our reads, and the answers to our own
 * writes (see {@link #applyWritten}). ZooKeeper delivers all of those for one session in
 * server order, so applying them in arrival order keeps the copy consistent, and a member sees
 * its own acknowledged writes in memory before the write call returns (read-your-writes).
 *
 * <p>A change event is not fetched at once: the event for a write of our own arrives just
 * before the write's answer, which already carries the data. Events are collected and fetched
 * after a round trip (a cheap {@code exists} on the root), by which time our own answers
 * have been applied and only other members' changes still need a read.
 *
 * <p><b>Catching up.</b> ZooKeeper re-registers a persistent watch after a reconnect but does
 * not replay what changed while the client was away, and a fetch lost with the connection
 * loses its change. So the copy is tracked per <em>container</em> (each node bucket, the
 * groups, the users): every write also touches its containers' data ({@link ZkWriter}), so a
 * container's {@code mzxid} (or {@code pzxid}) moves with every change inside it. For each
 * container the copy remembers the zxid up to which it is complete. After a disconnection or a
 * failed fetch those containers are <em>suspect</em>; a reconcile pass reads each suspect
 * container's stat and re-reads only the containers that moved (children and data), then the
 * copy is current again. The first load is the same pass with every container unknown.
 */
final class TreeSync {

    private static final Logger LOG = LoggerFactory.getLogger(TreeSync.class);

    private final ZnodeLayout layout;
    private final RecordCodec codec;
    private final MemoryTree tree;
    private final List<String> containers;

    // Guarded by this (all of it is used from ZooKeeper's event thread, one per session handle).
    private final Map<String, Long> changed = new HashMap<>();
    private boolean fetchScheduled;
    /** Container → zxid up to which the copy holds everything in it; absent while suspect. */
    private final Map<String, Long> completeTo = new HashMap<>();
    /** Container → zxid it was complete to when it became suspect; absent means reload it. */
    private final Map<String, Long> suspectSince = new HashMap<>();
    private boolean connected = true;
    private boolean reconciling;
    /** The running pass; a pass of an earlier session handle ends without effect. */
    private long passId;
    private boolean reconcileAgain;
    /** Bumped on every disconnection or failed read: a pass or catch-up begun before is void. */
    private long generation;
    private CompletableFuture<Void> whenCurrent = new CompletableFuture<>();

    private volatile ZooKeeper zooKeeper;
    private volatile boolean current;

    TreeSync(ZnodeLayout layout, RecordCodec codec, MemoryTree tree) {
        this.layout = layout;
        this.codec = codec;
        this.tree = tree;
        List<String> all = new ArrayList<>(List.of(layout.groupsPath(), layout.usersPath()));
        for (int b = 0; b < ZnodeLayout.BUCKETS; b++) {
            all.add(layout.bucketPath(b));
        }
        this.containers = List.copyOf(all);
    }

    /**
     * Watches the root and loads everything below it: a reconcile pass with every container
     * unknown, which also drops whatever the copy holds that is gone. Called again with a new
     * session's handle after the old session expired (its watch died with it).
     *
     * @return completes when the copy is current
     */
    CompletableFuture<Void> start(ZooKeeper zk) throws KeeperException, InterruptedException {
        // Watch first, then read: whatever changes after the watch is set arrives as an event.
        // The handle is adopted only once it watches, so that a failure here is tried again
        // with the next reconnection (ZkDatabase compares handles).
        zk.addWatch(layout.root(), this::onEvent, AddWatchMode.PERSISTENT_RECURSIVE);
        CompletableFuture<Void> loaded;
        synchronized (this) {
            this.zooKeeper = zk;
            if (!changed.isEmpty()) {
                scheduleFetch();
            }
            generation++;
            completeTo.clear();
            suspectSince.clear();
            connected = true;
            // A pass on the old handle proves nothing now (its answers are void by generation).
            reconciling = false;
            passId++;
            markNotCurrent();
            loaded = whenCurrent;
        }
        // The pass starts from a callback so that it runs on the session's event thread.
        zk.exists(layout.root(), false, (rc, path, ctx, stat) -> {
            synchronized (this) {
                reconcile();
            }
        }, null);
        return loaded;
    }

    /** The handle the watch and the reads currently use. */
    ZooKeeper zooKeeper() {
        return zooKeeper;
    }

    /** Whether the copy holds everything committed up to what its session has seen. */
    boolean isCurrent() {
        return current;
    }

    /**
     * Applies the answer to a write of our own. Must be called on the event thread (from the
     * write's callback), which is what keeps it in order with everything else.
     */
    synchronized void applyWritten(String path, Object record, Stat stat) {
        layout.classify(path).ifPresent(entry -> put(entry, record, stat));
    }

    /** Applies the removal of a znode we deleted ourselves (event thread only). */
    synchronized void applyDeleted(String path) {
        layout.classify(path).ifPresent(this::remove);
    }

    /**
     * Reads the copy in one state: nothing changes it while {@code reader} runs (every change
     * is applied under this lock, a multi of our own as one step), so keep {@code reader} short,
     * e.g. copying references to the immutable records.
     */
    synchronized <T> T snapshot(java.util.function.Supplier<T> reader) {
        return reader.get();
    }

    /** The container znodes a write to {@code path} must touch (see the class comment). */
    String containerOf(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    /**
     * Completes once every change committed anywhere before this call is in the memory copy,
     * or fails. A write to the barrier znode is committed by a quorum after every change
     * acknowledged before it (a {@code sync} would not do: a leader cut off from its followers
     * answers it alone); the watch delivers those changes before the barrier's answer, the first
     * round trip after it lets their fetches go out and the second sees them applied. Each
     * answer's result is checked, and the catch-up fails if the session was interrupted or the
     * copy stopped being current meanwhile.
     */
    CompletableFuture<Void> catchUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ZooKeeper zk = zooKeeper;
        long startedIn;
        synchronized (this) {
            startedIn = generation;
        }
        zk.setData(layout.barrierPath(), new byte[0], -1, (rc, path, ctx, stat) -> {
            if (failed(rc, path, done)) {
                return;
            }
            zk.exists(layout.root(), false, (rc1, p1, c1, s1) -> {
                if (failed(rc1, p1, done)) {
                    return;
                }
                zk.exists(layout.root(), false, (rc2, p2, c2, s2) -> {
                    if (failed(rc2, p2, done)) {
                        return;
                    }
                    CompletableFuture<Void> caughtUp;
                    synchronized (this) {
                        if (generation != startedIn) {
                            done.completeExceptionally(KeeperException.create(Code.CONNECTIONLOSS));
                            return;
                        }
                        // A reconcile pass still running began after a disconnection that came
                        // before the barrier; once it ends the copy covers the barrier too.
                        caughtUp = whenCurrent;
                    }
                    caughtUp.whenComplete((ok, error) -> {
                        if (error != null) {
                            done.completeExceptionally(error);
                        } else {
                            done.complete(null);
                        }
                    });
                }, null);
            }, null);
        }, null);
        return done;
    }

    /** Writes the barrier znode: a round trip only a quorum can answer. */
    CompletableFuture<Void> probeQuorum() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        zooKeeper.setData(layout.barrierPath(), new byte[0], -1, (rc, path, ctx, stat) -> {
            if (!failed(rc, path, done)) {
                done.complete(null);
            }
        }, null);
        return done;
    }

    /** Reads the given paths again and applies what they hold now; completes once applied. */
    CompletableFuture<Void> refresh(List<String> paths) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (paths.isEmpty()) {
            done.complete(null);
            return done;
        }
        AtomicInteger outstanding = new AtomicInteger(paths.size());
        for (String path : paths) {
            zooKeeper.getData(path, false, (rc, p, ctx, data, stat) -> {
                applyRead(rc, p, data, stat);
                if (outstanding.decrementAndGet() == 0) {
                    done.complete(null);
                }
            }, null);
        }
        return done;
    }

    private synchronized void onEvent(WatchedEvent event) {
        if (event.getType() == EventType.None) {
            onStateChange(event.getState());
            return;
        }
        String path = event.getPath();
        if (path == null) {
            return;
        }
        switch (event.getType()) {
            case NodeDeleted -> applyDeleted(path);
            case NodeCreated, NodeDataChanged -> {
                if (layout.classify(path).isPresent()) {
                    changed.merge(path, event.getZxid(), Math::max);
                    scheduleFetch();
                } else {
                    advanceContainer(path, event.getZxid());
                }
            }
            default -> {
                // child events are not sent for persistent recursive watches
            }
        }
    }

    /**
     * A container's data changes last in each write that touches it (ZkWriter puts it after the
     * entries), so when its event arrives every entry event of that write has arrived before it.
     */
    private void advanceContainer(String path, long zxid) {
        Long held = completeTo.get(path);
        if (held != null && zxid > held) {
            completeTo.put(path, zxid);
        }
    }

    private void onStateChange(KeeperState state) {
        if (state == KeeperState.SyncConnected) {
            if (!connected) {
                connected = true;
                reconcile();
            }
        } else if (state == KeeperState.Disconnected || state == KeeperState.Expired
                || state == KeeperState.Closed) {
            if (connected) {
                connected = false;
                suspectAll();
            }
        }
    }

    /** Events may be lost from now on until the next reconcile pass ends. */
    private void suspectAll() {
        generation++;
        completeTo.forEach(suspectSince::putIfAbsent);
        completeTo.clear();
        markNotCurrent();
    }

    /** A read of {@code path} failed: its container is reloaded by the next pass. */
    private void suspectContainerOf(String path) {
        generation++;
        String container = containerOf(path);
        completeTo.remove(container);
        suspectSince.remove(container);
        markNotCurrent();
        if (connected) {
            reconcile();
        }
    }

    private void markNotCurrent() {
        if (current || whenCurrent.isDone()) {
            current = false;
            whenCurrent = new CompletableFuture<>();
        }
    }

    /**
     * One pass over every suspect container: unchanged ones are trusted again, changed ones
     * are read again in full. Runs on the event thread; a second request during a pass runs
     * another pass after it.
     */
    private void reconcile() {
        if (reconciling) {
            reconcileAgain = true;
            return;
        }
        List<String> suspect = containers.stream().filter(c -> !completeTo.containsKey(c)).toList();
        if (suspect.isEmpty()) {
            becomeCurrent();
            return;
        }
        reconciling = true;
        reconcileAgain = false;
        long thisPass = ++passId;
        long pass = generation;
        ZooKeeper zk = zooKeeper;
        Map<String, Set<ZnodeLayout.Entry>> held = heldByContainer();
        AtomicInteger outstanding = new AtomicInteger(suspect.size());
        int[] reloaded = {0};
        long started = System.nanoTime();
        Runnable finishOne = () -> {
            if (outstanding.decrementAndGet() == 0) {
                endPass(thisPass, pass, reloaded[0], suspect.size(), started);
            }
        };
        for (String container : suspect) {
            zk.exists(container, false, (rc, path, ctx, stat) -> {
                synchronized (this) {
                    if (rc == Code.NONODE.intValue()) {
                        // Containers are never deleted; a missing one holds nothing.
                        dropAll(held.getOrDefault(container, Set.of()));
                        completeIf(pass, container, 0);
                        finishOne.run();
                        return;
                    }
                    if (rc != Code.OK.intValue()) {
                        finishOne.run();
                        return;
                    }
                    long movedTo = Math.max(stat.getMzxid(), stat.getPzxid());
                    Long before = suspectSince.get(container);
                    if (before != null && before == movedTo) {
                        completeIf(pass, container, movedTo);
                        finishOne.run();
                        return;
                    }
                    reloaded[0]++;
                    reload(zk, container, held.getOrDefault(container, Set.of()), () -> {
                        completeIf(pass, container, movedTo);
                        finishOne.run();
                    }, finishOne);
                }
            }, null);
        }
    }

    /** Reads a container's children and each child's data; drops what is gone. */
    private void reload(ZooKeeper zk, String container, Set<ZnodeLayout.Entry> heldBefore, Runnable loaded,
                        Runnable failed) {
        zk.getChildren(container, false, (rc, path, ctx, children) -> {
            synchronized (this) {
                if (rc != Code.OK.intValue()) {
                    failed.run();
                    return;
                }
                Set<ZnodeLayout.Entry> present = new HashSet<>();
                List<String> paths = new ArrayList<>(children.size());
                for (String child : children) {
                    String childPath = container + "/" + child;
                    layout.classify(childPath).ifPresent(entry -> {
                        present.add(entry);
                        paths.add(childPath);
                    });
                }
                for (ZnodeLayout.Entry entry : heldBefore) {
                    if (!present.contains(entry)) {
                        remove(entry);
                    }
                }
                if (paths.isEmpty()) {
                    loaded.run();
                    return;
                }
                AtomicInteger outstanding = new AtomicInteger(paths.size());
                boolean[] anyFailed = {false};
                for (String childPath : paths) {
                    zk.getData(childPath, false, (rc2, p2, c2, data, stat) -> {
                        synchronized (this) {
                            if (rc2 == Code.OK.intValue() || rc2 == Code.NONODE.intValue()) {
                                applyRead(rc2, p2, data, stat);
                            } else {
                                anyFailed[0] = true;
                            }
                            if (outstanding.decrementAndGet() == 0) {
                                (anyFailed[0] ? failed : loaded).run();
                            }
                        }
                    }, null);
                }
            }
        }, null);
    }

    private void completeIf(long pass, String container, long zxid) {
        if (generation == pass) {
            completeTo.put(container, zxid);
            suspectSince.remove(container);
        }
    }

    private void endPass(long thisPass, long pass, int reloaded, int checked, long started) {
        if (thisPass != passId) {
            return;
        }
        reconciling = false;
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (reloaded > 0 || millis > 1000) {
            LOG.info("caught up: {} of {} suspect containers had changed and were read again ({} ms)",
                    reloaded, checked, millis);
        }
        if (reconcileAgain || (connected && generation != pass)) {
            reconcile();
        } else if (connected && containers.stream().allMatch(completeTo::containsKey)) {
            becomeCurrent();
        } else if (connected) {
            // A read failed without a disconnection (rare): try again on the next event-thread turn.
            zooKeeper.exists(layout.root(), false, (rc, path, ctx, stat) -> {
                synchronized (this) {
                    reconcile();
                }
            }, null);
        }
    }

    private void becomeCurrent() {
        if (!current) {
            current = true;
            whenCurrent.complete(null);
        }
    }

    private Map<String, Set<ZnodeLayout.Entry>> heldByContainer() {
        Map<String, Set<ZnodeLayout.Entry>> held = new HashMap<>();
        for (ZnodeLayout.Entry entry : tree.entries()) {
            held.computeIfAbsent(containerOf(layout.pathOf(entry)), c -> new HashSet<>()).add(entry);
        }
        return held;
    }

    private void dropAll(Set<ZnodeLayout.Entry> entries) {
        entries.forEach(this::remove);
    }

    private void scheduleFetch() {
        ZooKeeper zk = zooKeeper;
        // Events can arrive between start()'s addWatch and its adopting the handle: the changes wait
        // in `changed`, and start() schedules them (and its pass reads everything anyway). Setting the
        // flag without a fetch going out would stop every later fetch of this copy.
        if (fetchScheduled || zk == null) {
            return;
        }
        fetchScheduled = true;
        zk.exists(layout.root(), false, (rc, path, ctx, stat) -> fetchChanged(), null);
    }

    private synchronized void fetchChanged() {
        fetchScheduled = false;
        for (Map.Entry<String, Long> change : changed.entrySet()) {
            String path = change.getKey();
            ZnodeLayout.Entry entry = layout.classify(path).orElseThrow();
            if (tree.mzxid(entry) < change.getValue() || change.getValue() == WatchedEvent.NO_ZXID) {
                zooKeeper.getData(path, false, (rc, p, ctx, data, stat) -> applyRead(rc, p, data, stat), null);
            }
        }
        changed.clear();
    }

    private synchronized void applyRead(int rc, String path, byte[] data, Stat stat) {
        if (rc == Code.OK.intValue()) {
            apply(path, data, stat);
        } else if (rc == Code.NONODE.intValue()) {
            applyDeleted(path);
        } else {
            // The change it was fetching is not in the copy: its container is read again.
            LOG.info("reading {} failed ({}): catching up once connected", path, Code.get(rc));
            suspectContainerOf(path);
        }
    }

    private void apply(String path, byte[] data, Stat stat) {
        ZnodeLayout.Entry entry = layout.classify(path).orElse(null);
        if (entry == null) {
            return;
        }
        try {
            Object record = switch (entry.kind()) {
                case NODE -> codec.decode(data, NodeRecord.class);
                case GROUP -> codec.decode(data, GroupRecord.class);
                case USER -> codec.decode(data, UserRecord.class);
            };
            put(entry, record, stat);
        } catch (RuntimeException e) {
            LOG.error("ignoring unreadable znode {}", path, e);
        }
    }

    private void put(ZnodeLayout.Entry entry, Object record, Stat stat) {
        switch (entry.kind()) {
            case NODE -> tree.putNode(entry.name(), versioned((NodeRecord) record, stat));
            case GROUP -> tree.putGroup(entry.name(), versioned((GroupRecord) record, stat));
            case USER -> tree.putUser(entry.name(), versioned((UserRecord) record, stat));
        }
    }

    private void remove(ZnodeLayout.Entry entry) {
        switch (entry.kind()) {
            case NODE -> tree.removeNode(entry.name());
            case GROUP -> tree.removeGroup(entry.name());
            case USER -> tree.removeUser(entry.name());
        }
    }

    private static boolean failed(int rc, String path, CompletableFuture<Void> done) {
        if (rc == Code.OK.intValue()) {
            return false;
        }
        done.completeExceptionally(KeeperException.create(Code.get(rc), path));
        return true;
    }

    private static <T> MemoryTree.Versioned<T> versioned(T record, Stat stat) {
        return new MemoryTree.Versioned<>(record, stat.getVersion(), stat.getMzxid());
    }
}
