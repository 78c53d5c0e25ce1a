package org.confluentcollective.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.confluentcollective.hardware.HardwareSettings;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.testkit.MemberProcess;
import org.confluentcollective.testkit.bmc.IpmiSimulator;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Node operations across a collective, all in one run, with real members (each confluentd in a
 * JVM of its own) and real {@code ipmi_sim} BMCs on loopback:
 * <ol>
 *   <li>routing overhead: {@code GET /noderange/<all>/power/state} sent to m1, which runs its third
 *       and forwards the other two thirds to their managers, against each manager asked for its own
 *       third directly, the three requests at once (wall time of all three);</li>
 *   <li>the same power status of the same node → BMC pairs with {@code ipmitool -I lanplus -C 3
 *       chassis power status}, one process a node, sequentially and {@code parallel} at once;</li>
 *   <li>failover: {@code failover} nodes managed by m3 with candidates m1,m2; m3 is killed -9 and
 *       the survivors' {@code GET /collective/} is polled until every node has a live manager.</li>
 * </ol>
 * Sizes are arguments {@code key=value} (see {@link #DEFAULTS}); {@code -Dbench.keep=true} keeps
 * the members' directories and logs. Every member and simulator is killed at the end, also on failure.
 *
 * <p>Run: {@code bench/run nodeops [nodes=1000] [bmcs=20] ...} (see docs/benchmarks.md).
 */
public final class NodeOpsBench {

    /** The arguments and their defaults. */
    static final Map<String, String> DEFAULTS = defaults();

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password-1";
    private static final String BMC_PASSWORD = "bmc-Secret9";
    private static final Duration CONVERGE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchMembers members;
    private final int nodes;
    private final int bmcCount;
    private final int warmup;
    private final int rounds;
    private final int parallel;
    private final int sequential;
    private final int failoverNodes;
    private final String heap;
    private final List<IpmiSimulator> bmcs = Collections.synchronizedList(new ArrayList<>());
    private final List<String[]> table = new ArrayList<>();
    /** Part 1's routed median, which part 2 compares ipmitool with. */
    private long routedMedianNanos;
    /** Nodes that answered an error in the measured rounds. */
    private int routedFailed;
    private int directFailed;
    /** ipmitool runs that printed an error before their answer. */
    private final AtomicInteger ipmitoolRetried = new AtomicInteger();

    private NodeOpsBench(BenchMembers members, Map<String, String> options) {
        this.members = members;
        this.nodes = positive(options, "nodes");
        this.bmcCount = positive(options, "bmcs");
        this.warmup = Integer.parseInt(options.get("warmup"));
        this.rounds = positive(options, "rounds");
        this.parallel = positive(options, "parallel");
        this.sequential = Math.min(nodes, Integer.parseInt(options.get("sequential")));
        this.failoverNodes = positive(options, "failover");
        this.heap = options.get("heap");
        if (nodes < 3) {
            throw new IllegalArgumentException("nodes must be at least 3 (a third for each member)");
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("nodes", "1000");        // nodes for routing and ipmitool, a third managed by each member
        defaults.put("bmcs", "20");           // ipmi_sim processes; node i uses BMC (i-1) mod bmcs
        defaults.put("warmup", "1");          // unmeasured rounds of each kind first
        defaults.put("rounds", "5");          // measured rounds of each kind, interleaved; the median is shown
        defaults.put("parallel", Integer.toString(HardwareSettings.DEFAULTS.parallelism()));  // ipmitool at once
        defaults.put("sequential", "1000");   // node -> BMC pairs for the sequential ipmitool loop (at most nodes)
        defaults.put("failover", "10000");    // nodes managed by m3 when it is killed
        defaults.put("heap", "1g");           // each member's -Xmx
        return defaults;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0 || !DEFAULTS.containsKey(arg.substring(0, equals))) {
                System.err.println("usage: bench/run nodeops [key=value ...], keys and defaults: " + DEFAULTS);
                System.exit(2);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        // Short: the members' Unix socket paths under it must stay within 108 bytes.
        NodeOpsBench bench = new NodeOpsBench(new BenchMembers("cc-nodeops", options.get("heap")), options);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::cleanUp, "nodeops-bench-cleanup"));
        int status = 0;
        try {
            bench.run();
        } catch (Exception | Error e) {
            System.out.flush();
            e.printStackTrace();
            status = 1;
        } finally {
            bench.cleanUp();
        }
        System.exit(status);
    }

    private void run() throws Exception {
        long benchStart = System.nanoTime();
        System.out.printf("node operations benchmark: %,d nodes on %d ipmi_sim BMCs over 3 members, %d warm-up + "
                        + "%d measured rounds; ipmitool sequential over %,d nodes and %d at once; failover of %,d "
                        + "nodes; member heap %s, %d cores%n", nodes, bmcCount, warmup, rounds, sequential, parallel,
                failoverNodes, heap, Runtime.getRuntime().availableProcessors());
        System.out.println("load average at the start: " + loadAverage());
        try (BenchRest rest = new BenchRest(USER, PASSWORD)) {
            for (int i = 0; i < bmcCount; i++) {
                bmcs.add(IpmiSimulator.start(BMC_PASSWORD));
            }
            MemberProcess m1 = members.launch("m1");
            MemberProcess m2 = members.launch("m2");
            MemberProcess m3 = members.launch("m3");
            for (MemberProcess member : List.of(m1, m2, m3)) {
                member.awaitReady();
            }
            m1.admit(m2);
            m1.admit(m3);
            List<MemberProcess> three = List.of(m1, m2, m3);
            for (MemberProcess member : three) {
                member.awaitStatus(status -> MemberProcess.formed(status, 3), CONVERGE);
            }
            m1.ok(Map.of("CONFLUENT_NEW_PASSWORD", PASSWORD), "user", "add", USER, "--role", "admin");
            System.out.printf("%d BMCs and a collective of 3 ready after %.1f s: %s%n", bmcCount,
                    (System.nanoTime() - benchStart) / 1e9, roles(json(rest, m1, "/collective/")));

            defineBmcNodes(rest, m1);
            for (MemberProcess member : three) {
                awaitBmcNodes(rest, member);
            }
            routing(rest, three);
            ipmitool();

            // Part 3 on the same collective: the BMC nodes go, the simulators too (their CPU back).
            rest.call(m1.httpsPort, HttpMethod.DELETE, "/noderange/" + BenchRest.encode(range("n", 1, nodes)), null);
            closeBmcs();
            failover(rest, m1, m2, m3);

            System.out.println();
            System.out.println("| measurement | value |");
            System.out.println("| --- | --- |");
            for (String[] r : table) {
                System.out.println("| " + r[0] + " | " + r[1] + " |");
            }
            System.out.printf("%nwhole run: %.0f s; load average at the end: %s%n",
                    (System.nanoTime() - benchStart) / 1e9, loadAverage());
        }
    }

    // ---- data ------------------------------------------------------------------------------------

    /** Member {@code m} (0-based) manages nodes first..last of an even split of {@code count} nodes. */
    private static int[] third(int count, int m) {
        return new int[] {m * count / 3 + 1, (m + 1) * count / 3};
    }

    private static String range(String prefix, int first, int last) {
        return prefix + first + "-" + prefix + last;
    }

    private IpmiSimulator bmcOf(int node) {
        return bmcs.get((node - 1) % bmcCount);
    }

    /**
     * Group {@code bmcs} (IPMI and its credentials), nodes n1..nN in three POSTs (one per manager),
     * then each BMC's address on its nodes: node i on BMC (i-1) mod bmcs, so that a member's 64
     * workers taking consecutive nodes spread over all simulators instead of queuing on one.
     */
    private void defineBmcNodes(BenchRest rest, MemberProcess through) throws Exception {
        long start = System.nanoTime();
        ObjectNode group = JSON.createObjectNode().put("name", "bmcs").put("hardwaremanagement.method", "ipmi")
                .put("secret.hardwaremanagementuser", IpmiSimulator.USER)
                .put("secret.hardwaremanagementpassword", BMC_PASSWORD);
        rest.call(through.httpsPort, HttpMethod.POST, "/nodegroups/", group.toString());
        for (int m = 0; m < 3; m++) {
            int[] share = third(nodes, m);
            ObjectNode body = JSON.createObjectNode().put("name", range("n", share[0], share[1]))
                    .put("collective.manager", "m" + (m + 1));
            body.putArray("groups").add("bmcs");
            rest.call(through.httpsPort, HttpMethod.POST, "/noderange/", body.toString());
        }
        for (int b = 0; b < bmcCount; b++) {
            IpmiSimulator bmc = bmcs.get(b);
            List<String> onIt = new ArrayList<>();
            for (int n = b + 1; n <= nodes; n += bmcCount) {
                onIt.add("n" + n);
            }
            String body = JSON.createObjectNode().put("hardwaremanagement.manager", bmc.host() + ":" + bmc.port())
                    .toString();
            for (int i = 0; i < onIt.size(); i += 200) {  // URLs of a few KB at most
                String list = String.join(",", onIt.subList(i, Math.min(onIt.size(), i + 200)));
                rest.call(through.httpsPort, HttpMethod.PUT, "/noderange/" + BenchRest.encode(list) + "/attributes/all",
                        body);
            }
        }
        System.out.printf("defined %,d nodes on %d BMCs through m1 in %.2f s%n", nodes, bmcCount,
                (System.nanoTime() - start) / 1e9);
    }

    /** Polls until {@code member} shows both the manager and the BMC of every node. */
    private void awaitBmcNodes(BenchRest rest, MemberProcess member) throws Exception {
        String path = "/noderange/" + BenchRest.encode(range("n", 1, nodes))
                + "/attributes/all?attr=collective.manager&attr=hardwaremanagement.manager";
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            try {
                seen = 0;
                for (JsonNode element : JSON.readTree(rest.call(member.httpsPort, HttpMethod.GET, path, null))
                        .path("databynode")) {
                    for (JsonNode attributes : element) {
                        for (JsonNode view : attributes) {
                            if (view.path("value").isTextual() && !view.path("value").asText().isEmpty()) {
                                seen++;
                            }
                        }
                    }
                }
                if (seen == 2 * nodes) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                seen = -1;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(member.name + " shows " + seen + " of " + 2 * nodes
                + " manager and BMC settings after " + CONVERGE.toSeconds() + " s");
    }

    // ---- 1. routing ------------------------------------------------------------------------------

    /**
     * Rounds alternate routed and direct, so that drift (other processes on the machine, JIT) hits
     * both alike; warm-up rounds of both first.
     */
    private void routing(BenchRest rest, List<MemberProcess> three) throws Exception {
        String all = "/noderange/" + BenchRest.encode(range("n", 1, nodes)) + "/power/state";
        List<String> own = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            int[] share = third(nodes, m);
            own.add("/noderange/" + BenchRest.encode(range("n", share[0], share[1])) + "/power/state");
        }
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            long[] routed = new long[rounds];
            long[] direct = new long[rounds];
            long routedCpu = 0;
            long directCpu = 0;
            for (int i = -warmup; i < rounds; i++) {
                long cpu = members.cpuNanos();
                long start = System.nanoTime();
                String routedBody = rest.call(three.get(0).httpsPort, HttpMethod.GET, all, null);
                long routedTime = System.nanoTime() - start;
                long routedUsed = members.cpuNanos() - cpu;
                int routedErrors = check(routedBody, nodes, "routed");

                cpu = members.cpuNanos();
                start = System.nanoTime();
                List<Future<String>> answers = new ArrayList<>();
                for (int m = 0; m < 3; m++) {
                    int port = three.get(m).httpsPort;
                    String path = own.get(m);
                    answers.add(clients.submit(() -> rest.call(port, HttpMethod.GET, path, null)));
                }
                List<String> bodies = new ArrayList<>();
                for (Future<String> answer : answers) {
                    bodies.add(answer.get());
                }
                long directTime = System.nanoTime() - start;
                long directUsed = members.cpuNanos() - cpu;
                int m = 0;
                int directErrors = 0;
                for (String body : bodies) {
                    int[] share = third(nodes, m++);
                    directErrors += check(body, share[1] - share[0] + 1, "direct to m" + m);
                }
                if (i >= 0) {
                    routed[i] = routedTime;
                    direct[i] = directTime;
                    routedCpu += routedUsed;
                    directCpu += directUsed;
                    routedFailed += routedErrors;
                    directFailed += directErrors;
                }
                System.out.printf("  %s round %d: routed %.3f s%s, direct %.3f s%s%n", i < 0 ? "warm-up" : "measured",
                        i < 0 ? i + warmup + 1 : i + 1, routedTime / 1e9, failures(routedErrors), directTime / 1e9,
                        failures(directErrors));
            }
            long routedMedian = median(routed);
            long directMedian = median(direct);
            row(String.format("1. GET /noderange/n1-n%d/power/state to m1 (2/3 forwarded), median of %d", nodes,
                    rounds), String.format("%s (best %s; %,.0f nodes/s; members busy %.2f cores, %.1f ms CPU a node)",
                    seconds(routedMedian), seconds(min(routed)), nodes / (routedMedian / 1e9),
                    (double) routedCpu / Arrays.stream(routed).sum(), routedCpu / 1e6 / rounds / nodes));
            row("   each manager asked for its own third, 3 requests at once (wall time), median",
                    String.format("%s (best %s; %,.0f nodes/s; members busy %.2f cores, %.1f ms CPU a node)",
                            seconds(directMedian), seconds(min(direct)), nodes / (directMedian / 1e9),
                            (double) directCpu / Arrays.stream(direct).sum(), directCpu / 1e6 / rounds / nodes));
            row("   nodes that answered an error instead of a power state, all measured rounds, routed / direct",
                    routedFailed + " / " + directFailed + " of " + rounds * nodes + " each");
            row("   **ratio routed / direct** (goal <= 1.2)", String.format("%.2f", (double) routedMedian / directMedian));
            routedMedianNanos = routedMedian;
        } finally {
            clients.shutdownNow();
        }
    }


    private static String failures(int errors) {
        return errors == 0 ? "" : " (" + errors + " nodes answered an error)";
    }

    /**
     * Every node asked for is in the answer; returns how many answered an error instead of a power
     * state (the first few are printed). More than 1 % of them fails the benchmark.
     */
    private static int check(String body, int expected, String what) throws IOException {
        JsonNode byNode = JSON.readTree(body).path("databynode");
        int states = 0;
        List<String> errors = new ArrayList<>();
        for (var fields = byNode.fields(); fields.hasNext(); ) {
            var entry = fields.next();
            if (entry.getValue().path("state").path("value").isTextual()) {
                states++;
            } else if (errors.size() < 5) {
                errors.add(entry.getKey() + ": " + entry.getValue());
            }
        }
        int failed = expected - states;
        if (byNode.size() != expected || failed > expected / 100) {
            throw new IllegalStateException(what + ": " + states + " power states of " + expected + " nodes ("
                    + byNode.size() + " entries); first errors: " + errors);
        }
        if (failed > 0) {
            System.out.println("  " + what + ": " + failed + " nodes answered an error: " + errors);
        }
        return failed;
    }

    // ---- 2. ipmitool -----------------------------------------------------------------------------

    private void ipmitool() throws Exception {
        List<Integer> all = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) {
            all.add(n);
        }
        // warm the page cache and the simulators once
        ipmitoolOnce(bmcOf(1));
        ipmitoolRetried.set(0);
        long start = System.nanoTime();
        for (int n = 1; n <= sequential; n++) {
            ipmitoolOnce(bmcOf(n));
        }
        long seqTime = System.nanoTime() - start;
        int seqRetried = ipmitoolRetried.getAndSet(0);
        double seqPerNode = seqTime / (double) sequential;
        double seqAll = seqPerNode * nodes;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long parTime;
        int parRetried;
        try {
            start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int n : all) {
                done.add(pool.submit(() -> {
                    ipmitoolOnce(bmcOf(n));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            parTime = System.nanoTime() - start;
            parRetried = ipmitoolRetried.getAndSet(0);
        } finally {
            pool.shutdownNow();
        }
        row(String.format("2. ipmitool -I lanplus -C 3 chassis power status, sequential, %,d nodes%s", sequential,
                        sequential < nodes ? String.format(" (x %d/%d for all)", nodes, sequential) : ""),
                String.format("%.3f s (%.1f ms a node; %d runs printed an error before the answer)", seqAll / 1e9,
                        seqPerNode / 1e6, seqRetried));
        row(String.format("   the same, %d at once (a Java pool of %d threads, one ipmitool process a node), "
                + "%,d nodes", parallel, parallel, nodes), String.format("%s (%d runs printed an error before the "
                + "answer)", seconds(parTime), parRetried));
        row("   **ratio routed REST / ipmitool sequential**",
                String.format("%.3f (%.0fx faster)", routedMedianNanos / seqAll, seqAll / routedMedianNanos));
        row(String.format("   **ratio routed REST / ipmitool %d at once**", parallel),
                String.format("%.3f (%.1fx faster)", (double) routedMedianNanos / parTime,
                        (double) parTime / routedMedianNanos));
    }

    /**
     * {@code ipmitool ... chassis power status}; fails unless it exits 0 with "Chassis Power is
     * on|off". Counts the runs that printed an error first (ipmitool retries a session open itself).
     */
    private void ipmitoolOnce(IpmiSimulator bmc) {
        String out = bmc.ipmitool("chassis", "power", "status");
        if (!out.contains("Chassis Power is ")) {
            throw new IllegalStateException("ipmitool answered: " + out);
        }
        if (!out.startsWith("Chassis Power is ")) {
            ipmitoolRetried.incrementAndGet();
        }
    }

    // ---- 3. failover -----------------------------------------------------------------------------

    private void failover(BenchRest rest, MemberProcess m1, MemberProcess m2, MemberProcess m3) throws Exception {
        long start = System.nanoTime();
        for (int first = 1; first <= failoverNodes; first += BenchNodes.DEFINE_CHUNK) {
            int last = Math.min(failoverNodes, first + BenchNodes.DEFINE_CHUNK - 1);
            ObjectNode body = JSON.createObjectNode().put("name", range("f", first, last))
                    .put("collective.manager", "m3").put("collective.managercandidates", "m1,m2");
            rest.call(m1.httpsPort, HttpMethod.POST, "/noderange/", body.toString());
        }
        for (MemberProcess member : List.of(m1, m2, m3)) {
            awaitCollective(rest, member, status -> managed(status).getOrDefault("m3", 0) == failoverNodes
                    && managed(status).values().stream().mapToInt(Integer::intValue).sum() == failoverNodes);
        }
        JsonNode before = json(rest, m1, "/collective/");
        System.out.printf("defined %,d nodes managed by m3 (candidates m1,m2) in %.2f s; before the kill: %s%n",
                failoverNodes, (System.nanoTime() - start) / 1e9, roles(before));

        List<MemberProcess> survivors = List.of(m1, m2);
        long[] notLive = new long[2];
        long[] done = new long[2];
        Arrays.fill(notLive, -1);
        Arrays.fill(done, -1);
        JsonNode[] last = new JsonNode[2];
        long killed = System.nanoTime();
        m3.kill();
        long deadline = killed + Duration.ofSeconds(120).toNanos();
        while ((done[0] < 0 || done[1] < 0) && System.nanoTime() < deadline) {
            for (int s = 0; s < 2; s++) {
                if (done[s] >= 0) {
                    continue;
                }
                JsonNode status;
                try {
                    status = json(rest, survivors.get(s), "/collective/");
                } catch (Exception notNow) {
                    continue;  // e.g. during a ZooKeeper leader election
                }
                long now = System.nanoTime() - killed;
                last[s] = status;
                if (notLive[s] < 0 && !live(status, "m3")) {
                    notLive[s] = now;
                }
                Map<String, Integer> managed = managed(status);
                if (!live(status, "m3") && status.path("unmanaged").asInt(-1) == 0
                        && managed.getOrDefault("m1", 0) + managed.getOrDefault("m2", 0) == failoverNodes) {
                    done[s] = now;
                }
            }
            Thread.sleep(50);
        }
        if (done[0] < 0 || done[1] < 0) {
            throw new IllegalStateException("failover not complete 120 s after the kill; m1: " + last[0] + "; m2: "
                    + last[1] + "\nm1 log tail:\n" + m1.logTail());
        }
        Duration session = MemberStoreSettings.of("unused", members.root()).sessionTimeout();
        Map<String, Integer> after = managed(last[0]);
        int a = after.getOrDefault("m1", 0);
        int b = after.getOrDefault("m2", 0);
        long complete = Math.max(done[0], done[1]);
        row(String.format("3. kill -9 of m3 managing %,d nodes -> every node has a live manager (seen on m1 and m2)",
                failoverNodes), String.format("%s (ZooKeeper session timeout %d s; ratio %.2f)", seconds(complete),
                session.toSeconds(), complete / (double) session.toNanos()));
        row("   of which: until m3 shows not live on m1 / m2",
                seconds(notLive[0]) + " / " + seconds(notLive[1]));
        row("   of which: m3 not live -> all nodes reassigned, on m1 / m2",
                seconds(done[0] - notLive[0]) + " / " + seconds(done[1] - notLive[1]));
        row("   balance: managed nodes m1 / m2, max/min", String.format("%,d / %,d, %.3f", a, b,
                (double) Math.max(a, b) / Math.max(1, Math.min(a, b))));
    }

    private static boolean live(JsonNode status, String member) {
        for (JsonNode m : status.path("members")) {
            if (m.path("name").asText().equals(member)) {
                return m.path("live").asBoolean();
            }
        }
        return false;
    }

    private static Map<String, Integer> managed(JsonNode status) {
        Map<String, Integer> managed = new TreeMap<>();
        status.path("members").forEach(m -> managed.put(m.path("name").asText(), m.path("managednodes").asInt()));
        return managed;
    }

    private static void awaitCollective(BenchRest rest, MemberProcess member,
                                        java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = json(rest, member, "/collective/");
            if (condition.test(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(member.name + ": GET /collective/ did not reach the expected state: " + status);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static JsonNode json(BenchRest rest, MemberProcess member, String path) throws Exception {
        return JSON.readTree(rest.call(member.httpsPort, HttpMethod.GET, path, null));
    }

    private static String roles(JsonNode status) {
        Map<String, String> roles = new TreeMap<>();
        status.path("members").forEach(m -> roles.put(m.path("name").asText(), m.path("role").asText() + "/zk "
                + m.path("zookeeper").asText()));
        return "leader " + status.path("leader").asText() + ", " + roles;
    }

    /** The machine's 1, 5 and 15 minute load averages: how much else was running. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static long min(long[] times) {
        return Arrays.stream(times).min().orElse(0);
    }

    private static int positive(Map<String, String> options, String key) {
        int value = Integer.parseInt(options.get(key));
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be positive");
        }
        return value;
    }

    private void row(String what, String value) {
        table.add(new String[] {what, value});
        System.out.printf("%-100s %s%n", what, value);
    }

    private static String seconds(long nanos) {
        return String.format("%.3f s", nanos / 1e9);
    }

    private void closeBmcs() {
        List<IpmiSimulator> running;
        synchronized (bmcs) {
            running = new ArrayList<>(bmcs);
            bmcs.clear();
        }
        for (IpmiSimulator bmc : running) {
            try {
                bmc.close();
            } catch (RuntimeException e) {
                System.err.println("could not stop a simulator: " + e);
            }
        }
    }

    /** Kills every member and simulator still running and deletes the directory; safe to call twice. */
    private void cleanUp() {
        members.close();
        closeBmcs();
    }
}
