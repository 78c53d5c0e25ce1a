package org.confluentcollective.server.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.api.NodeDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers, each on its own ZooKeeper session as two members would be, change different
 * attributes of the same node 1,000 times each. Every change must survive: each write adds
 * a new attribute, so a lost update would leave one missing.
 */
class ConcurrentWritersTest {

    private static final int WRITES = 1_000;

    @TempDir
    Path dir;

    @Test
    void twoWritersOnOneNodeLoseNoUpdate() throws Exception {
        try (DatabaseFixture fixture = new DatabaseFixture(dir); MemberStore second = fixture.openStore()) {
            fixture.db().defineNodes("n1", Map.of());
            awaitNode(second.nodes(), "n1");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> write(fixture.db(), "custom.a"));
                Future<?> b = pool.submit(() -> write(second.nodes(), "custom.b"));
                a.get();
                b.get();
            } finally {
                pool.shutdownNow();
            }
            // The second writer's last changes reach this member's copy through its watch.
            SortedMap<String, AttributeView> attributes = customAttributes(fixture.db());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (attributes.size() < 2 * WRITES && System.nanoTime() < deadline) {
                Thread.sleep(10);
                attributes = customAttributes(fixture.db());
            }
            for (String writer : List.of("custom.a", "custom.b")) {
                for (int i = 0; i < WRITES; i++) {
                    AttributeView view = attributes.get(writer + i);
                    assertEquals(Integer.toString(i), view == null ? null : view.value(), writer + i);
                }
            }
            assertEquals(2 * WRITES, attributes.size());
        }
    }

    private static SortedMap<String, AttributeView> customAttributes(NodeDatabase db) {
        return db.nodeAttributes("n1", new AttributeSelection(false, List.of("custom.*")));
    }

    private static void write(NodeDatabase db, String prefix) {
        for (int i = 0; i < WRITES; i++) {
            db.updateNodes(List.of("n1"), Map.of(prefix + i, new AttributeInput.Text(Integer.toString(i))));
        }
    }

    private static void awaitNode(NodeDatabase db, String node) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!db.nodeExists(node) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
