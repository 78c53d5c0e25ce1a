package org.confluentcollective.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confluentcollective.testkit.MemberProcess;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Issue 4's benchmark: real members, each confluentd in a JVM of its own on loopback, formed
 * into a collective with {@code collective invite} / {@code collective join} as an administrator
 * would. Measures, all in one run:
 * <ol>
 *   <li>forming a 3-member collective from 3 fresh processes, and each join command;</li>
 *   <li>a fresh member joining a collective that holds {@code bench.nodes} nodes, until it serves
 *       a read of one attribute of all of them;</li>
 *   <li>REST bulk-write throughput on 1, 3 and 5 voters;</li>
 *   <li>concurrent REST read throughput through 1 member and spread over 3.</li>
 * </ol>
 *
 * <p>The 1-voter writes are measured on a separate member ("solo") holding the same number of
 * nodes, before the collective is formed, and that member is stopped again: the 3-member
 * collective must be formed from fresh processes, and its 4th member must join fresh.
 *
 * <p>Run: {@code bench/run collective} (see docs/benchmarks.md); {@code -Dbench.keep=true} keeps the
 * members' directories and logs.
 */
public final class CollectiveBench {

    private static final int NODES = Integer.getInteger("bench.nodes", 100_000);
    private static final int SLICE = Math.min(NODES, Integer.getInteger("bench.slice", 10_000));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
    private static final int READERS = Integer.getInteger("bench.readers", 4);
    private static final int READS = Integer.getInteger("bench.reads", 250);
    private static final int READ_NODES = Math.min(NODES, Integer.getInteger("bench.readnodes", 1_000));
    private static final String HEAP = System.getProperty("bench.member.heap", "1g");

    private static final Duration CONVERGE = Duration.ofSeconds(240);
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOADED = Pattern.compile("database loaded: (\\d+) nodes, \\d+ groups in (\\d+) ms");

    private final BenchMembers members;
    private final List<String[]> table = new ArrayList<>();

    private CollectiveBench(BenchMembers members) {
        this.members = members;
    }

    public static void main(String[] args) throws Exception {
        BenchMembers members = new BenchMembers("confluent-collective-bench", HEAP);
        Runtime.getRuntime().addShutdownHook(new Thread(members::close, "collective-bench-cleanup"));
        int status = 0;
        try {
            new CollectiveBench(members).run();
        } catch (Exception | Error e) {
            System.out.flush();
            e.printStackTrace();
            status = 1;
        } finally {
            members.close();
        }
        System.exit(status);
    }

    private void run() throws Exception {
        System.out.printf("collective benchmark: %,d nodes, writes of 1 attribute on %,d nodes (median of %d), "
                        + "reads %d threads x %d requests of 1 attribute on %,d nodes, member heap %s, %d cores%n",
                NODES, SLICE, ROUNDS, READERS, READS, READ_NODES, HEAP, Runtime.getRuntime().availableProcessors());
        try (BenchRest rest = new BenchRest(USER, PASSWORD)) {
            // c, 1 voter: a member of its own holding the same database, measured and stopped first.
            MemberProcess solo = members.launch("solo");
            solo.awaitReady();
            addUser(solo);
            define(rest, solo, "1 member");
            long[] writes1 = writes(rest, solo, "1 voter");
            members.discard(solo);

            // a: three fresh processes to a collective of three.
            long formStart = System.nanoTime();
            MemberProcess m1 = members.launch("m1");
            MemberProcess m2 = members.launch("m2");
            MemberProcess m3 = members.launch("m3");
            for (MemberProcess member : List.of(m1, m2, m3)) {
                member.awaitReady();
            }
            long ready = System.nanoTime() - formStart;
            long join2 = admit(m1, m2);
            long join3 = admit(m1, m3);
            List<MemberProcess> three = List.of(m1, m2, m3);
            JsonNode formed3 = awaitFormed(three);
            long form = System.nanoTime() - formStart;
            row("a. 3 fresh processes started -> collective of 3, all live on all 3", seconds(form), "");
            row("   of which: the 3 processes answering (each a collective of one)", seconds(ready), "");
            row("   `collective join` of m2 (command start to its return)", seconds(join2), "");
            row("   `collective join` of m3", seconds(join3), "");
            System.out.println("3 members: " + roles(formed3));

            // The data, defined through the 3-member collective and seen by all three.
            addUser(m1);
            define(rest, m1, "3 voters");
            for (MemberProcess member : three) {
                awaitNodes(rest, member, NODES, CONVERGE);
            }

            long[] writes3 = writes(rest, m1, "3 voters");

            // d: concurrent reads through one member, then spread over three.
            double reads1 = reads(rest, List.of(m1), "1 member");
            double reads3 = reads(rest, three, "3 members");

            // b: a fresh member joins the collective holding all the nodes and serves them.
            MemberProcess m4 = members.launch("m4");
            m4.awaitReady();
            String token = m1.ok("collective", "invite", m4.name).out().strip();
            long joinStart = System.nanoTime();
            m4.ok("collective", "join", "127.0.0.1:" + m1.httpsPort, "-i", token);
            long join4 = System.nanoTime() - joinStart;
            awaitNodes(rest, m4, NODES, CONVERGE);
            long served = System.nanoTime() - joinStart;
            row(String.format("b. fresh m4 joins %,d nodes: join start -> read of 1 attribute of all on m4", NODES),
                    seconds(served), "");
            row("   of which: the `collective join` command", seconds(join4), "");
            loadedLine(m4).ifPresent(line -> row("   m4's own database load after its restart (its log)", line, ""));
            awaitFormed(List.of(m1, m2, m3, m4));

            // c, 5 voters: one more member.
            MemberProcess m5 = members.launch("m5");
            m5.awaitReady();
            long join5 = admit(m1, m5);
            List<MemberProcess> five = List.of(m1, m2, m3, m4, m5);
            JsonNode formed5 = awaitFormed(five);
            awaitNodes(rest, m5, NODES, CONVERGE);
            row(String.format("   `collective join` of m5 (5th member, %,d nodes)", NODES), seconds(join5), "");
            System.out.println("5 members: " + roles(formed5));
            long[] writes5 = writes(rest, m1, "5 voters");

            System.out.println();
            System.out.println("| measurement | time | rate |");
            System.out.println("| --- | --- | --- |");
            for (String[] r : table) {
                System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
            }
            System.out.println();
            double w1 = rate(SLICE, writes1[0]);
            System.out.printf("write throughput 3 voters / 1 voter: %.2f; 5 voters / 1 voter: %.2f (median rounds)%n",
                    rate(SLICE, writes3[0]) / w1, rate(SLICE, writes5[0]) / w1);
            System.out.printf("read throughput spread over 3 members / through 1 member: %.2f%n", reads3 / reads1);
        }
    }

    /** Invites {@code joiner} on {@code inviter} and joins it; returns the join command's time. */
    private static long admit(MemberProcess inviter, MemberProcess joiner) {
        String token = inviter.ok("collective", "invite", joiner.name).out().strip();
        long start = System.nanoTime();
        joiner.ok("collective", "join", "127.0.0.1:" + inviter.httpsPort, "-i", token);
        return System.nanoTime() - start;
    }

    /** Waits until every one of {@code group} shows a quorum and all of them, live. */
    private static JsonNode awaitFormed(List<MemberProcess> group) throws Exception {
        JsonNode last = null;
        for (MemberProcess member : group) {
            last = member.awaitStatus(status -> MemberProcess.formed(status, group.size()), CONVERGE);
        }
        return last;
    }

    private static void addUser(MemberProcess member) {
        member.ok(Map.of("CONFLUENT_NEW_PASSWORD", PASSWORD), "user", "add", USER, "--role", "admin");
    }

    /** Defines a group and NODES nodes of about 20 attributes each, in bulk POSTs of 10,000 nodes. */
    private void define(BenchRest rest, MemberProcess member, String label) throws Exception {
        long start = System.nanoTime();
        BenchNodes.defineOverRest(rest, member.httpsPort, NODES);
        long elapsed = System.nanoTime() - start;
        row(String.format("define %,d nodes through REST (%s, POSTs of %,d)", NODES, label, BenchNodes.DEFINE_CHUNK),
                seconds(elapsed), nodesPerSecond(NODES, elapsed));
    }

    /** How many nodes a read of one attribute over {@code n1-nCOUNT} returns on {@code member}. */
    private static int readCount(BenchRest rest, MemberProcess member, int count) throws Exception {
        String body = rest.call(member.httpsPort, HttpMethod.GET,
                "/noderange/" + BenchRest.encode("n1-n" + count) + "/attributes/all?attr=location.rack", null);
        return JSON.readTree(body).path("databynode").size();
    }

    /** Polls until a read of one attribute of all {@code count} nodes on {@code member} returns all. */
    private static void awaitNodes(BenchRest rest, MemberProcess member, int count, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int seen = readCount(rest, member, count);
                if (seen == count) {
                    return;
                }
                last = seen + " nodes";
            } catch (Exception notYet) {
                last = notYet.toString();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(member.name + " did not serve " + count + " nodes in " + timeout.toSeconds()
                + " s; last: " + last + "\nlog tail:\n" + member.logTail());
    }

    /**
     * Bulk set of one attribute on SLICE nodes through {@code member}: two warm-up and ROUNDS
     * measured PUTs.
     *
     * @return {median, best} nanoseconds
     */
    private long[] writes(BenchRest rest, MemberProcess member, String label) throws Exception {
        String path = "/noderange/" + BenchRest.encode("n1-n" + SLICE) + "/attributes/all";
        String tag = label.replace(' ', '-');
        for (int i = 0; i < 2; i++) {
            rest.call(member.httpsPort, HttpMethod.PUT, path, "{\"custom.bench\":\"" + tag + "-warm" + i + "\"}");
        }
        long[] times = new long[ROUNDS];
        long cpuBefore = members.cpuNanos();
        long wallStart = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            rest.call(member.httpsPort, HttpMethod.PUT, path, "{\"custom.bench\":\"" + tag + "-" + i + "\"}");
            times[i] = System.nanoTime() - start;
        }
        double busy = cores(members.cpuNanos() - cpuBefore, System.nanoTime() - wallStart);
        Arrays.sort(times);
        long median = times[ROUNDS / 2];
        row(String.format("c. REST bulk set of 1 attribute on %,d nodes, %s (median; best %.3f s)",
                SLICE, label, times[0] / 1e9), seconds(median),
                nodesPerSecond(SLICE, median) + String.format("; members busy %.2f cores", busy));
        return new long[] {median, times[0]};
    }

    /**
     * READERS threads, each sending READS reads of one attribute of READ_NODES nodes, request
     * {@code j} of thread {@code t} to member {@code (t + j) mod size}.
     *
     * @return requests per second
     */
    private double reads(BenchRest rest, List<MemberProcess> through, String label) throws Exception {
        String path = "/noderange/" + BenchRest.encode("n1-n" + READ_NODES) + "/attributes/all?attr=location.rack";
        for (MemberProcess member : through) {
            for (int i = 0; i < 20; i++) {
                rest.call(member.httpsPort, HttpMethod.GET, path, null);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < READERS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int j = 0; j < READS; j++) {
                        MemberProcess member = through.get((thread + j) % through.size());
                        rest.call(member.httpsPort, HttpMethod.GET, path, null);
                    }
                    return null;
                }));
            }
            long cpuBefore = members.cpuNanos();
            long clientBefore = ownCpu();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            long elapsed = System.nanoTime() - start;
            double busy = cores(members.cpuNanos() - cpuBefore, elapsed);
            double client = cores(ownCpu() - clientBefore, elapsed);
            double perSecond = READERS * READS / (elapsed / 1e9);
            row(String.format("d. %d threads x %d REST reads of 1 attribute on %,d nodes, through %s",
                    READERS, READS, READ_NODES, label), seconds(elapsed),
                    String.format("%.0f requests/s; members busy %.2f cores, client %.2f", perSecond, busy, client));
            return perSecond;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The joiner's last "database loaded" log line, e.g. "100000 nodes in 5123 ms". */
    private static java.util.Optional<String> loadedLine(MemberProcess member) {
        Matcher matcher = LOADED.matcher(member.log());
        String found = null;
        while (matcher.find()) {
            found = String.format("%.3f s (%,d nodes)", Long.parseLong(matcher.group(2)) / 1e3,
                    Long.parseLong(matcher.group(1)));
        }
        return java.util.Optional.ofNullable(found);
    }

    /** CPU time used so far by this JVM (the benchmark's clients). */
    private static long ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** CPU time over wall time: how many cores were busy on average. */
    private static double cores(long cpuNanos, long wallNanos) {
        return (double) cpuNanos / wallNanos;
    }

    private static Map<String, String> roles(JsonNode status) {
        Map<String, String> roles = new TreeMap<>();
        status.path("members").forEach(m -> roles.put(m.path("name").asText(), m.path("role").asText()));
        return Map.of("leader", status.path("leader").asText(), "roles", roles.toString());
    }

    private void row(String what, String time, String rate) {
        table.add(new String[] {what, time, rate});
        System.out.printf("%-95s %12s  %s%n", what, time, rate);
    }

    private static String seconds(long nanos) {
        return String.format("%.3f s", nanos / 1e9);
    }

    private static double rate(int count, long nanos) {
        return count / (nanos / 1e9);
    }

    private static String nodesPerSecond(int count, long nanos) {
        return String.format("%,.0f nodes/s", rate(count, nanos));
    }

}
