package org.confluentcollective.server.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.ZooKeeperSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Members as stores on one real embedded ZooKeeper: a member leaves when its store closes (its
 * liveness znode goes with its session). Real kill -9 of member processes is in testkit's
 * ManagerFailoverProcessTest.
 */
class ManagerFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AttributeSelection MANAGER = new AttributeSelection(false, List.of("collective.manager"));

    @TempDir
    Path dir;

    private EmbeddedZooKeeper zk;
    private final List<MemberStore> open = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void startZooKeeper() throws Exception {
        zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir.resolve("zk")));
        log.start();
        ((Logger) LoggerFactory.getLogger(ManagerFailover.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(ManagerFailover.class)).detachAppender(log);
        for (MemberStore store : open) {
            store.close();
        }
        zk.close();
    }

    @Test
    void aLeavingMembersNodesMoveToLiveCandidatesAndComeBackOnlyByRebalance() throws Exception {
        MemberStore m1 = member("m1", 500);
        MemberStore m2 = member("m2", 500);
        MemberStore m3 = member("m3", 500);
        await(() -> "m1".equals(m1.collective().status().leader()), "m1 leads");
        define(m1, "a[1-1000]", "m3", "m1,m2,m3");
        define(m1, "b[1-20]", "m3", null);
        define(m1, "c[1-10]", "m3", "m9,m3");
        define(m1, "d[1-10]", "m3", "m[1-2],x1");
        define(m1, "e[1-5]", null, "m1,m2");

        long left = System.nanoTime();
        close(m3);
        await(() -> countManagers(m2).getOrDefault("m3", 0) == 30, "the nodes with live candidates left m3");
        System.out.printf("failover of 1010 nodes after m3 left: %d ms%n", (System.nanoTime() - left) / 1_000_000);

        Map<String, Integer> counts = countManagers(m2);
        assertEquals(1010, counts.get("m1") + counts.get("m2"), counts.toString());
        assertTrue(Math.abs(counts.get("m1") - counts.get("m2")) <= 101, "balanced within 10 %: " + counts);
        assertEquals(5, counts.get(null), "nodes without a manager are left alone");
        assertEquals(List.of("b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14",
                "b15", "b16", "b17", "b18", "b19", "b20", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10"),
                m2.managers().unmanaged().nodes(), "asked on a member that is not the leader");
        assertEquals("b[1-20],c[1-10]", m1.managers().unmanaged().noderange());
        assertTrue(logged(Level.WARN, "not a member of the collective, ignored: m9,x1"), messages());
        long warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
        assertTrue(logged(Level.INFO, "moved 500 nodes from m3 to m"), messages());
        assertTrue(warnings <= 2, "a warning per pass, not per node: " + messages());

        MemberStore back = member("m3", 500);
        await(() -> m1.collective().liveMembers().contains("m3"), "m3 is live again");
        Thread.sleep(1000);
        assertEquals(0, countManagers(back).getOrDefault("m3", 0) - 30, "a returning member gets nothing back");
        assertEquals(List.of(), m1.managers().unmanaged().nodes(), "m3's candidate-less nodes are managed again");

        int moved = back.managers().rebalance();
        Map<String, Integer> balanced = countManagers(back);
        assertEquals(moved, balanced.get("m3") - 30, "only nodes moved onto m3: " + balanced);
        // 1040 managed nodes, 30 of them m3's own without candidates: 347, 347, 346.
        List<Integer> shares = List.of(balanced.get("m1"), balanced.get("m2"), balanced.get("m3"));
        assertTrue(shares.stream().allMatch(n -> n >= 346 && n <= 347), "evenly spread: " + balanced);
        assertEquals(0, back.managers().rebalance(), "balanced already");
    }

    @Test
    void twoMembersLeavingTogetherHandOverEverythingBalanced() throws Exception {
        MemberStore m1 = member("m1", 500);
        MemberStore m2 = member("m2", 500);
        MemberStore m3 = member("m3", 500);
        MemberStore m4 = member("m4", 500);
        await(() -> "m1".equals(m1.collective().status().leader()), "m1 leads");
        define(m1, "a[1-300]", "m3", "m[1-4]");
        define(m1, "b[1-300]", "m4", "~^m");

        CompletableFuture<Void> three = CompletableFuture.runAsync(() -> close(m3));
        close(m4);
        three.join();
        await(() -> countManagers(m2).getOrDefault("m3", 0) + countManagers(m2).getOrDefault("m4", 0) == 0,
                "nothing left on m3 or m4");
        Map<String, Integer> counts = countManagers(m2);
        assertEquals(600, counts.get("m1") + counts.get("m2"), counts.toString());
        assertTrue(Math.abs(counts.get("m1") - counts.get("m2")) <= 60, "balanced within 10 %: " + counts);
    }

    @Test
    void aNewLeaderFinishesAFailoverItsPredecessorLeftHalfDone() throws Exception {
        // Batches of 5: the leader's pass takes long enough to be cut in the middle.
        MemberStore m1 = member("m1", 5);
        MemberStore m2 = member("m2", 5);
        MemberStore m3 = member("m3", 5);
        MemberStore m4 = member("m4", 5);
        await(() -> "m1".equals(m1.collective().status().leader()), "m1 leads");
        define(m1, "a[1-1000]", "m4", "m1,m2,m3");

        close(m4);
        await(() -> countManagers(m2).getOrDefault("m4", 1000) < 1000, "the leader started moving nodes");
        close(m1);
        int leftBehind = countManagers(m2).getOrDefault("m4", 0);
        assertTrue(leftBehind > 0, "m1 was stopped in the middle of its pass");

        await(() -> {
            Map<String, Integer> now = countManagers(m2);
            return now.getOrDefault("m4", 0) + now.getOrDefault("m1", 0) == 0;
        }, "the new leader moved every node off the two dead members");
        for (MemberStore reader : List.of(m2, m3)) {
            // m3's copy follows m2's through its own watches: it may be a few writes behind.
            await(() -> managers(reader).values().stream().allMatch(m -> "m2".equals(m) || "m3".equals(m)),
                    "every copy shows only live managers");
            Map<String, String> managers = managers(reader);
            assertEquals(1000, managers.size(), "no node lost");
            assertTrue(managers.values().stream().allMatch(m -> m.equals("m2") || m.equals("m3")),
                    "each node has one live manager");
        }
        Map<String, Integer> counts = countManagers(m3);
        assertTrue(Math.abs(counts.get("m2") - counts.get("m3")) <= 100, "balanced within 10 %: " + counts);
        assertTrue(m2.collective().status().leader().matches("m[23]"));
    }

    /**
     * The leader latch reports leadership on reconnection, before the quorum probe has confirmed
     * the quorum: a pass that finds no quorum then must come again once the quorum is back, as no
     * further event may ever come (seen with real processes: the latch leader killed -9 in the
     * middle of a pass, its successor's pass found no quorum and the nodes stayed on the dead).
     */
    @Test
    void aPassThatFindsNoQuorumRunsOnceTheQuorumIsBack() throws Exception {
        MemberStore m1 = member("m1", 500);
        MemberStore m2 = member("m2", 500);
        await(() -> "m1".equals(m1.collective().status().leader()), "m1 leads");
        close(m2);
        await(() -> !m1.collective().liveMembers().contains("m2"), "m2 is gone");
        // No event comes after this: m1's own failover leaves these nodes alone.
        define(m1, "a[1-10]", "m2", "m1");
        Thread.sleep(500);
        assertEquals(10, countManagers(m1).getOrDefault("m2", 0));

        AtomicBoolean quorate = new AtomicBoolean(false);
        try (ManagerFailover failover = new ManagerFailover(m1.nodes(), m1.collective(), quorate::get,
                new NodeRanges(AttributeCatalog.standard()), 500)) {
            failover.start();  // m1 leads: told leading() at once, and the pass finds no quorum
            Thread.sleep(500);
            assertEquals(10, countManagers(m1).getOrDefault("m2", 0), "nothing moves without a quorum");
            quorate.set(true);
            await(() -> countManagers(m1).getOrDefault("m1", 0) == 10, "the pass ran once the quorum was back");
        }
    }

    private MemberStore member(String name, int batch) throws Exception {
        MemberStore store = MemberStore.open(MemberStoreSettings.of(zk.connectString(), dir.resolve(name))
                .withMember(new MemberInfo(name, "127.0.0.1", MemberRole.VOTER, "sha256:00", "0.1.0", 0, 0, 0))
                .withPasswordIterations(1_000)
                .withZooKeeperPeer(zk::state)
                .withFailoverBatch(batch));
        open.add(store);
        return store;
    }

    private void close(MemberStore store) {
        open.remove(store);
        store.close();
    }

    private static void define(MemberStore store, String noderange, String manager, String candidates) {
        Map<String, AttributeInput> attributes = new TreeMap<>();
        if (manager != null) {
            attributes.put("collective.manager", new AttributeInput.Value(manager));
        }
        if (candidates != null) {
            attributes.put("collective.managercandidates", new AttributeInput.Value(candidates));
        }
        store.nodes().defineNodes(noderange, attributes);
    }

    private static Map<String, String> managers(MemberStore store) {
        Map<String, String> managers = new TreeMap<>();
        for (String node : store.nodes().nodes()) {
            AttributeView view = store.nodes().nodeAttributes(node, MANAGER).get("collective.manager");
            managers.put(node, view == null ? null : view.value());
        }
        return managers;
    }

    private static Map<String, Integer> countManagers(MemberStore store) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        managers(store).values().forEach(manager -> counts.merge(manager, 1, Integer::sum));
        return counts;
    }

    private boolean logged(Level level, String text) {
        return log.list.stream().anyMatch(e -> e.getLevel() == level && e.getFormattedMessage().contains(text));
    }

    private String messages() {
        return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList().toString();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(5);
        }
    }
}
