package org.confluentcollective.server.database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.WatchedEvent;
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
 * server order, so applying them in arrival order keeps the copy consistent without locks or
 * version arithmetic, and a member sees its own acknowledged writes in memory before the
 * write call returns (read-your-writes).
 *
 * <p>A change event is not fetched at once: the event for a write of our own arrives just
 * before the write's answer, which already carries the data. Events are collected and fetched
 * after a round trip (a cheap {@code exists} on the root), by which time our own answers
 * have been applied and only other members' changes still need a read.
 */
final class TreeSync {

    private static final Logger LOG = LoggerFactory.getLogger(TreeSync.class);

    private final ZnodeLayout layout;
    private final RecordCodec codec;
    private final MemoryTree tree;
    // Touched only on the event thread.
    private final Map<String, Long> changed = new HashMap<>();
    private boolean fetchScheduled;
    private volatile ZooKeeper zooKeeper;
    /** Entries applied or removed since the current load began; null when not loading. */
    private volatile Set<ZnodeLayout.Entry> seenDuringLoad;

    TreeSync(ZnodeLayout layout, RecordCodec codec, MemoryTree tree) {
        this.layout = layout;
        this.codec = codec;
        this.tree = tree;
    }

    /**
     * Watches the root and loads everything below it; entries the memory copy holds that are
     * no longer in ZooKeeper are dropped at the end. Called again with a new session's handle
     * after the old session expired (its watch died with it).
     *
     * @return completes when every znode present at the start has been loaded
     */
    CompletableFuture<Void> start(ZooKeeper zk) throws KeeperException, InterruptedException {
        this.zooKeeper = zk;
        Set<ZnodeLayout.Entry> seen = ConcurrentHashMap.newKeySet();
        this.seenDuringLoad = seen;
        // Watch first, then read: whatever changes after the watch is set arrives as an event.
        zk.addWatch(layout.root(), this::onEvent, AddWatchMode.PERSISTENT_RECURSIVE);
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        List<String> parents = new java.util.ArrayList<>(List.of(layout.groupsPath(), layout.usersPath()));
        for (int b = 0; b < ZnodeLayout.BUCKETS; b++) {
            parents.add(layout.bucketPath(b));
        }
        AtomicInteger outstanding = new AtomicInteger(parents.size());
        for (String parent : parents) {
            zk.getChildren(parent, false, (rc, path, ctx, children) -> {
                if (rc == Code.OK.intValue()) {
                    outstanding.addAndGet(children.size());
                    for (String child : children) {
                        zk.getData(path + "/" + child, false, (rc2, p2, c2, data, stat) -> {
                            applyRead(rc2, p2, data, stat);
                            finishOne(outstanding, loaded);
                        }, null);
                    }
                } else if (rc != Code.NONODE.intValue()) {
                    loaded.completeExceptionally(KeeperException.create(Code.get(rc), path));
                }
                finishOne(outstanding, loaded);
            }, null);
        }
        return loaded.thenRun(() -> dropAbsent(seen));
    }

    /**
     * Runs on the event thread once a load is complete: whatever was neither loaded nor changed
     * since the load began was deleted while this member was not watching.
     */
    private void dropAbsent(Set<ZnodeLayout.Entry> seen) {
        seenDuringLoad = null;
        for (ZnodeLayout.Entry entry : tree.entries()) {
            if (!seen.contains(entry)) {
                remove(entry);
            }
        }
    }

    /** The handle the watch and the reads currently use. */
    ZooKeeper zooKeeper() {
        return zooKeeper;
    }

    /**
     * Applies the answer to a write of our own. Must be called on the event thread (from the
     * write's callback), which is what keeps it in order with everything else.
     */
    void applyWritten(String path, Object record, Stat stat) {
        layout.classify(path).ifPresent(entry -> put(entry, record, stat));
    }

    /** Applies the removal of a znode we deleted ourselves (event thread only). */
    void applyDeleted(String path) {
        layout.classify(path).ifPresent(this::remove);
    }

    /**
     * Completes once every change committed before this call is in the memory copy: a
     * {@code sync} brings the server up to date and delivers the change events before its
     * answer; the first round trip after it lets the pending fetches go out, the second sees
     * their answers applied (all answers arrive in order).
     */
    CompletableFuture<Void> catchUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ZooKeeper zk = zooKeeper;
        zk.sync(layout.root(), (rc, path, ctx) -> {
            if (rc != Code.OK.intValue()) {
                done.completeExceptionally(KeeperException.create(Code.get(rc), path));
                return;
            }
            zk.exists(layout.root(), false, (rc1, p1, c1, s1) ->
                    zk.exists(layout.root(), false, (rc2, p2, c2, s2) -> done.complete(null), null), null);
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

    private void onEvent(WatchedEvent event) {
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
                }
            }
            default -> {
                // child events are not sent for persistent recursive watches
            }
        }
    }

    private void scheduleFetch() {
        if (fetchScheduled) {
            return;
        }
        fetchScheduled = true;
        zooKeeper.exists(layout.root(), false, (rc, path, ctx, stat) -> fetchChanged(), null);
    }

    private void fetchChanged() {
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

    private void applyRead(int rc, String path, byte[] data, Stat stat) {
        if (rc == Code.OK.intValue()) {
            apply(path, data, stat);
        } else if (rc == Code.NONODE.intValue()) {
            applyDeleted(path);
        } else {
            LOG.warn("reading {} failed: {}", path, Code.get(rc));
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
        markSeen(entry);
        switch (entry.kind()) {
            case NODE -> tree.putNode(entry.name(), versioned((NodeRecord) record, stat));
            case GROUP -> tree.putGroup(entry.name(), versioned((GroupRecord) record, stat));
            case USER -> tree.putUser(entry.name(), versioned((UserRecord) record, stat));
        }
    }

    private void markSeen(ZnodeLayout.Entry entry) {
        Set<ZnodeLayout.Entry> seen = seenDuringLoad;
        if (seen != null) {
            seen.add(entry);
        }
    }

    private void remove(ZnodeLayout.Entry entry) {
        markSeen(entry);
        switch (entry.kind()) {
            case NODE -> tree.removeNode(entry.name());
            case GROUP -> tree.removeGroup(entry.name());
            case USER -> tree.removeUser(entry.name());
        }
    }

    private static <T> MemoryTree.Versioned<T> versioned(T record, Stat stat) {
        return new MemoryTree.Versioned<>(record, stat.getVersion(), stat.getMzxid());
    }

    private static void finishOne(AtomicInteger outstanding, CompletableFuture<Void> loaded) {
        if (outstanding.decrementAndGet() == 0) {
            loaded.complete(null);
        }
    }

}
