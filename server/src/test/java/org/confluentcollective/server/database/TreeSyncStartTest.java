package org.confluentcollective.server.database;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change event can reach the copy between {@code start()} registering its watch and adopting
 * its handle (a member restarted while others write). It must neither be lost nor stop the
 * fetches of every later change, which the fault suite once saw: a restarted member whose copy
 * stopped applying remote changes.
 */
class TreeSyncStartTest {

    @TempDir
    Path dir;

    @Test
    void anEventBeforeTheHandleIsAdoptedLeavesLaterChangesFetched() throws Exception {
        try (DatabaseFixture fixture = new DatabaseFixture(dir)) {
            fixture.db().defineNodes("n1", Map.of());
            ZnodeLayout layout = ZnodeLayout.standard();
            MemoryTree tree = new MemoryTree();
            TreeSync sync = new TreeSync(layout, new RecordCodec(), tree);
            try (ZooKeeper zk = new EarlyEventZooKeeper(fixture.connectString(), layout.nodePath("n1"))) {
                sync.start(zk).get(30, TimeUnit.SECONDS);
                assertTrue(tree.node("n1").isPresent(), "the node changed in the window is in the copy");

                fixture.db().defineNodes("n2", Map.of());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (tree.node("n2").isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(tree.node("n2").isPresent(), "a change made after the start reaches the copy");
            }
        }
    }

    /** Delivers a change event to the new watch before {@code addWatch} returns, as ZooKeeper may. */
    private static final class EarlyEventZooKeeper extends ZooKeeper {
        private final String changedPath;

        EarlyEventZooKeeper(String connectString, String changedPath) throws IOException {
            super(connectString, 10_000, event -> { });
            this.changedPath = changedPath;
        }

        @Override
        public void addWatch(String basePath, Watcher watcher, AddWatchMode mode)
                throws KeeperException, InterruptedException {
            super.addWatch(basePath, watcher, mode);
            watcher.process(new WatchedEvent(EventType.NodeDataChanged, KeeperState.SyncConnected, changedPath));
        }
    }
}
