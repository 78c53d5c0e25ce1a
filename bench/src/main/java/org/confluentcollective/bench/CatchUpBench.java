package org.confluentcollective.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.attributes.AttributeInput;
import org.confluentcollective.server.attributes.AttributeSelection;
import org.confluentcollective.server.collective.MemberInfo;
import org.confluentcollective.server.database.NodeDatabase;
import org.confluentcollective.web.Confluentd;
import org.confluentcollective.web.DaemonConfig;

/**
 * What catching up costs a member whose ZooKeeper connection dropped (docs/database.md): the
 * reconnection when nothing changed, after a change of 10,000 nodes spread over every bucket,
 * and a new session (the whole copy read again, the worst case), on a database of 100,000
 * nodes. The second member's client is cut with ZooKeeper's own test hook; each figure runs
 * from the cut until the member is unlocked (reconnection included), and the copy is checked.
 */
public final class CatchUpBench {

    private static final int NODES = Integer.getInteger("bench.nodes", 100_000);
    private static final int SLICE = Integer.getInteger("bench.slice", 10_000);

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        Path state = Files.createTempDirectory("confluent-bench");
        DaemonConfig config = DaemonConfig.builder(state, "bench")
                .httpsAddress("127.0.0.1").httpsPort(0).socketPath(state.resolve("api.sock"))
                .zooKeeperPorts(0, 0, 0).build();
        try (Confluentd daemon = Confluentd.start(config)) {
            NodeDatabase db = daemon.database();
            Map<String, AttributeInput> attributes = Map.of("location.rack", new AttributeInput.Text("1"));
            for (int first = 1; first <= NODES; first += 10_000) {
                db.defineNodes("n" + first + "-n" + Math.min(NODES, first + 9_999), attributes);
            }
            try (MemberStore second = MemberStore.open(MemberStoreSettings.of(daemon.zooKeeperConnectString(),
                    state.resolve("second")).withMember(new MemberInfo("second", "127.0.0.1", "observer", "", "bench",
                    0, 0, 0)).withTls(daemon.zooKeeperClientConfig(), null))) {
                awaitValue(second.nodes(), "n" + NODES, "1");
                long unchanged = cutAndCatchUp(second, () -> { });
                List<String> slice = db.expand("n1-n" + SLICE);
                long changed = cutAndCatchUp(second, () -> db.updateNodes(slice,
                        Map.of("location.rack", new AttributeInput.Text("2"))));
                boolean complete = slice.stream().allMatch(n -> "2".equals(rack(second.nodes(), n)));
                long start = System.nanoTime();
                second.curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
                awaitUnlocked(second, start);
                long reload = System.nanoTime() - start;
                System.out.printf("%-72s %8.3f s%n", "reconnect + catch-up, nothing changed (" + NODES + " nodes)",
                        unchanged / 1e9);
                System.out.printf("%-72s %8.3f s  (copy complete: %s)%n",
                        "reconnect + catch-up after " + SLICE + " nodes changed meanwhile", changed / 1e9, complete);
                System.out.printf("%-72s %8.3f s%n", "new session: the whole copy read again", reload / 1e9);
                System.out.printf("ratio catch-up/full reload: nothing changed %.2f, %d changed %.2f%n",
                        (double) unchanged / reload, SLICE, (double) changed / reload);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Drops the member's connection, runs {@code meanwhile} elsewhere, and times the way back. */
    private static long cutAndCatchUp(MemberStore member, Runnable meanwhile) throws Exception {
        long start = System.nanoTime();
        member.curator().getZookeeperClient().getZooKeeper().getTestable().closeSocket();
        meanwhile.run();
        awaitUnlocked(member, start);
        return System.nanoTime() - start;
    }

    private static void awaitUnlocked(MemberStore member, long start) throws InterruptedException {
        // First wait for the lock-down the cut causes, then for its end.
        while (member.quorum().hasQuorum() && System.nanoTime() - start < 2_000_000_000L) {
            Thread.sleep(1);
        }
        while (!member.quorum().hasQuorum()) {
            if (System.nanoTime() - start > 300_000_000_000L) {
                throw new IllegalStateException("the member did not catch up in 300 s");
            }
            Thread.sleep(1);
        }
    }

    private static void awaitValue(NodeDatabase db, String node, String value) throws InterruptedException {
        while (!value.equals(rack(db, node))) {
            Thread.sleep(10);
        }
    }

    private static String rack(NodeDatabase db, String node) {
        if (!db.nodeExists(node)) {
            return null;
        }
        var view = db.nodeAttributes(node, new AttributeSelection(false, List.of("location.rack"))).get("location.rack");
        return view == null ? null : view.value();
    }
}
