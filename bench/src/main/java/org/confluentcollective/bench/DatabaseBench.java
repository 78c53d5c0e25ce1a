package org.confluentcollective.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.database.ZnodeLayout;
import org.confluentcollective.web.Confluentd;
import org.confluentcollective.web.DaemonConfig;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Issue 2's benchmark, on one member holding 100,000 nodes of about 20 attributes each:
 * reading one attribute of 10,000 nodes through REST, setting one attribute on those 10,000
 * nodes through REST, and raw ZooKeeper {@code multi} writes of the same znodes with the same
 * batch size, all measured in the same run. Prints times and the ratio ours / raw.
 *
 * <p>Run: {@code bench/run database} (see docs/benchmarks.md).
 */
public final class DatabaseBench {

    private static final int NODES = Integer.getInteger("bench.nodes", 100_000);
    private static final int SLICE = Integer.getInteger("bench.slice", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    /** The database's own batch limits, so raw ZooKeeper writes the same multis. */
    private static final int BATCH_BYTES = 512 * 1024;
    private static final int BATCH_OPS = 1000;
    private static final int WINDOW = 8;

    public static void main(String[] args) {
        BenchDaemon.runAndExit(DatabaseBench::run);
    }

    private static void run() throws Exception {
        Path state = Files.createTempDirectory("confluent-bench");
        DaemonConfig config = BenchDaemon.singleMember(state);
        try (Confluentd daemon = Confluentd.start(config)) {
            NodeDatabase db = daemon.database();
            long defineStart = System.nanoTime();
            define(db);
            report("define " + NODES + " nodes (Java API, bulk)", System.nanoTime() - defineStart, NODES);
            reportHeap();

            for (String noderange : List.of("n1-n" + NODES, "location.rack=7",
                    "compute,-location.u=5@n1-n" + (NODES / 2) + ",n" + (NODES - 10) + "-n" + NODES)) {
                db.expand(noderange); // warm-up
                int[] count = {0};
                long expand = median(() -> elapsed(() -> count[0] = db.expand(noderange).size()));
                report("expand '" + noderange + "' on the database (" + count[0] + " nodes)", expand, count[0]);
            }

            // What a second member's database costs to open: a new session loading every znode.
            long loadStart = System.nanoTime();
            try (MemberStore second = MemberStore.open(MemberStoreSettings.of(daemon.zooKeeperConnectString(),
                    state.resolve("second")).withMember(new MemberInfo("second", "127.0.0.1", MemberRole.OBSERVER, "", "bench", 0, 0, 0))
                    .withTls(daemon.zooKeeperClientConfig(), null))) {
                report("open a second copy of the database (load " + second.nodes().nodes().size() + " nodes)",
                        System.nanoTime() - loadStart, NODES);
            }

            daemon.users().addUser("bench", org.confluentcollective.server.api.Role.ADMIN, "bench-password".toCharArray());
            try (BenchRest rest = new BenchRest("bench", "bench-password")) {
                String slice = "n1-n" + SLICE;
                String readPath = "/noderange/" + encode(slice) + "/attributes/current?attr=location.rack";
                rest.call(daemon.httpsPort(), HttpMethod.GET, readPath, null); // warm-up
                long read = median(() -> elapsed(() -> rest.call(daemon.httpsPort(), HttpMethod.GET, readPath, null)));
                report("REST read of 1 attribute x " + SLICE + " nodes", read, SLICE);

                String writePath = "/noderange/" + encode(slice) + "/attributes/current";
                int[] round = {0};
                rest.call(daemon.httpsPort(), HttpMethod.PUT, writePath, "{\"custom.bench\":\"warm\"}");
                long ours = median(() -> elapsed(() -> rest.call(daemon.httpsPort(), HttpMethod.PUT, writePath,
                        "{\"custom.bench\":\"v" + (++round[0]) + "\"}")));
                report("REST bulk set of 1 attribute on " + SLICE + " nodes", ours, SLICE);

                List<String> sliceNodes = db.expand(slice);
                long api = median(() -> elapsed(() -> db.updateNodes(sliceNodes,
                        Map.of("custom.bench", new AttributeInput.Text("api" + (++round[0]))))));
                report("Java API bulk set of 1 attribute on " + SLICE + " nodes (no HTTP)", api, SLICE);

                long raw = median(() -> rawMulti(daemon.zooKeeperConnectString(), daemon.zooKeeperClientConfig(),
                        slice, db));
                report("raw ZooKeeper multi setData of the same " + SLICE + " znodes", raw, SLICE);
                System.out.printf("ratio write ours/raw time: REST %.2f, Java API %.2f  "
                                + "(REST reaches %.0f%%, the Java API %.0f%% of raw multi throughput)%n",
                        (double) ours / raw, (double) api / raw, 100.0 * raw / ours, 100.0 * raw / api);
            }
        } finally {
            BenchDaemon.deleteTree(state);
        }
    }

    private static void define(NodeDatabase db) {
        db.defineGroup("compute", text("hardwaremanagement.method", "redfish", "console.method", "openbmc",
                "location.u", "{n1}", "deployment.pendingprofile", "rocky-9-x86_64-default"));
        Map<String, AttributeInput> attributes = text("groups", "compute");
        attributes.putAll(text(BenchNodes.ATTRIBUTES));
        int chunk = 10_000;
        for (int first = 1; first <= NODES; first += chunk) {
            int last = Math.min(NODES, first + chunk - 1);
            db.defineNodes("n" + first + "-n" + last, attributes);
        }
    }

    private static void reportHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long used = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("heap after GC with %,d nodes (~20 attributes each; whole daemon incl. ZooKeeper's copy): %,d MB%n",
                NODES, used / (1024 * 1024));
    }

    /**
     * setData of the slice's znodes with their current bytes, batched like the database batches.
     *
     * @return nanoseconds spent writing (reading the data first is not counted)
     */
    private static long rawMulti(String connectString, ZKClientConfig clientConfig, String slice, NodeDatabase db) {
        ZnodeLayout layout = ZnodeLayout.standard();
        try (ZooKeeper zk = connect(connectString, clientConfig)) {
            List<String> paths = db.expand(slice).stream().map(layout::nodePath).toList();
            List<byte[]> data = new ArrayList<>();
            for (String path : paths) {
                data.add(zk.getData(path, false, null));
            }
            long start = System.nanoTime();
            Semaphore window = new Semaphore(WINDOW);
            List<CompletableFuture<Integer>> pending = new ArrayList<>();
            List<Op> batch = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < paths.size(); i++) {
                if (!batch.isEmpty() && (batch.size() >= BATCH_OPS || bytes + data.get(i).length > BATCH_BYTES)) {
                    pending.add(submit(zk, batch, window));
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                batch.add(Op.setData(paths.get(i), data.get(i), -1));
                bytes += data.get(i).length;
            }
            pending.add(submit(zk, batch, window));
            for (CompletableFuture<Integer> result : pending) {
                int rc = result.get();
                if (rc != 0) {
                    throw new IllegalStateException("raw multi failed: " + KeeperException.Code.get(rc));
                }
            }
            return System.nanoTime() - start;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<Integer> submit(ZooKeeper zk, List<Op> batch, Semaphore window)
            throws InterruptedException {
        window.acquire();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        zk.multi(batch, (rc, path, ctx, results) -> {
            window.release();
            done.complete(rc);
        }, null);
        return done;
    }

    /** A raw client on the member's TLS client port, with the member's own client settings. */
    private static ZooKeeper connect(String connectString, ZKClientConfig clientConfig) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, clientConfig);
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cannot connect to " + connectString);
        }
        return zk;
    }

    private interface Measured {
        /** Runs once and returns the nanoseconds that count. */
        long run() throws Exception;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long elapsed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    /** Median of ROUNDS runs. */
    private static long median(Measured body) throws Exception {
        long[] times = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            times[i] = body.run();
        }
        Arrays.sort(times);
        return times[ROUNDS / 2];
    }

    private static void report(String what, long nanos, int count) {
        double seconds = nanos / 1e9;
        System.out.printf("%-70s %8.3f s  %,10.0f nodes/s%n", what, seconds, count / seconds);
    }

    private static Map<String, AttributeInput> text(String... pairs) {
        Map<String, AttributeInput> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], new AttributeInput.Text(pairs[i + 1]));
        }
        return map;
    }

    private static String encode(String noderange) {
        return BenchRest.encode(noderange);
    }

}
