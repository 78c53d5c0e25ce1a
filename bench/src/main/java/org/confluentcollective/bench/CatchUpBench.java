package org.confluentcollective.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.web.Confluentd;
import org.confluentcollective.web.DaemonConfig;

/**
 * What catching up costs a member whose ZooKeeper connection dropped (docs/database.md), on a
 * database of 100,000 nodes: the reconcile pass after 0, 1, 100 and 10,000 nodes changed while
 * it was away (from the reconnection on), and a new session (the whole copy read again, the worst case). Each pass is
 * timed until the member is unlocked again, and the changed values are checked in its copy.
 */
public final class CatchUpBench {

    private static final int NODES = Integer.getInteger("bench.nodes", 100_000);
    private static final int SLICE = Integer.getInteger("bench.slice", 10_000);

    public static void main(String[] args) {
        BenchDaemon.runAndExit(CatchUpBench::run);
    }

    private static void run() throws Exception {
        Path state = Files.createTempDirectory("confluent-bench");
        DaemonConfig config = BenchDaemon.singleMember(state);
        try (Confluentd daemon = Confluentd.start(config)) {
            NodeDatabase db = daemon.database();
            Map<String, AttributeInput> attributes = Map.of("location.rack", new AttributeInput.Text("1"));
            for (int first = 1; first <= NODES; first += 10_000) {
                db.defineNodes("n" + first + "-n" + Math.min(NODES, first + 9_999), attributes);
            }
            int round = 1;
            for (int changed : List.of(0, 1, 100, SLICE)) {
                try (MemberStore second = openSecond(daemon, state, round)) {
                    awaitValue(second.nodes(), "n" + NODES, Integer.toString(round));
                    List<String> nodes = db.expand("n1-n" + Math.max(1, changed));
                    String value = Integer.toString(++round);
                    long pass = awayAndBack(second, () -> db.updateNodes(changed == 0 ? List.of() : nodes,
                            Map.of("location.rack", new AttributeInput.Text(value))));
                    boolean complete = changed == 0 || nodes.stream().allMatch(n -> value.equals(rack(second.nodes(), n)));
                    System.out.printf("%-64s %8.3f s  (copy complete: %s)%n",
                            "catch-up pass after " + changed + " of " + NODES + " nodes changed", pass / 1e9, complete);
                    // The next member starts from every node at this round's value.
                    db.updateNodes(db.expand("n1-n" + NODES), Map.of("location.rack", new AttributeInput.Text(value)));
                }
            }
            try (MemberStore second = openSecond(daemon, state, round)) {
                awaitValue(second.nodes(), "n" + NODES, Integer.toString(round));
                long reload = newSession(second);
                System.out.printf("%-64s %8.3f s%n", "new session: the whole copy read again", reload / 1e9);
            }
        } finally {
            BenchDaemon.deleteTree(state);
        }
    }

    private static MemberStore openSecond(Confluentd daemon, Path state, int round) throws Exception {
        return MemberStore.open(MemberStoreSettings.of(daemon.zooKeeperConnectString(),
                state.resolve("second" + round)).withMember(new MemberInfo("second" + round, "127.0.0.1", MemberRole.OBSERVER,
                "", "bench", 0, 0, 0)).withTls(daemon.zooKeeperClientConfig(), null));
    }

    /**
     * Drops the member's connection (ZooKeeper's own test hook closes its socket), runs
     * {@code meanwhile} on another member while the client waits to reconnect (ZooKeeper's
     * client backs off 1 to 2 s), and times the catch-up.
     */
    private static long awayAndBack(MemberStore member, Runnable meanwhile) throws Exception {
        return timeFromReconnection(member, () -> {
            member.curator().getZookeeperClient().getZooKeeper().getTestable().closeSocket();
            awaitLocked(member);
            meanwhile.run();
        });
    }

    /** A new session: the whole copy is read again. */
    private static long newSession(MemberStore member) throws Exception {
        return timeFromReconnection(member, () -> {
            member.curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
            awaitLocked(member);
        });
    }

    /** Runs {@code cut}, then times from Curator reporting the reconnection until the member is unlocked. */
    private static long timeFromReconnection(MemberStore member, Cut cut) throws Exception {
        long[] reconnected = {0};
        ConnectionStateListener listener = (client, state) -> {
            if (state == ConnectionState.RECONNECTED) {
                reconnected[0] = System.nanoTime();
            }
        };
        member.curator().getConnectionStateListenable().addListener(listener);
        try {
            cut.run();
            awaitUnlocked(member, System.nanoTime());
            return System.nanoTime() - reconnected[0];
        } finally {
            member.curator().getConnectionStateListenable().removeListener(listener);
        }
    }

    private interface Cut {
        void run() throws Exception;
    }

    private static void awaitLocked(MemberStore member) throws InterruptedException {
        long start = System.nanoTime();
        while (member.quorum().hasQuorum()) {
            if (System.nanoTime() - start > 10_000_000_000L) {
                throw new IllegalStateException("the member did not lock down");
            }
            Thread.sleep(1);
        }
    }

    private static void awaitUnlocked(MemberStore member, long start) throws InterruptedException {
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
