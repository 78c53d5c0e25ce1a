package org.confluentcollective.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confluentcollective.testkit.MemberProcess;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Issue 8's check: every attribute of every node of a 100,000-node member read through REST
 * while a writer keeps changing attributes on the same member. Reports the answer's size and
 * timing, the writes refused or slowed meanwhile, whether the member logged a lost quorum
 * (its ZooKeeper session SUSPENDED), and the member's peak heap and longest GC pause from its
 * own GC log.
 *
 * <p>Run: {@code bench/run largeread} (see docs/benchmarks.md).
 */
public final class LargeReadBench {

    private static final int NODES = Integer.getInteger("bench.nodes", 100_000);
    private static final int READS = Integer.getInteger("bench.reads", 3);
    private static final int PARALLEL = Integer.getInteger("bench.parallel", 1);
    private static final String HEAP = System.getProperty("bench.member.heap", "2g");
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");
    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password-1";
    /** Unified GC logging: "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 812M->301M(2048M) 45.123ms". */
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");

    private LargeReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("confluent-largeread-bench");
        int status = 0;
        MemberProcess member = null;
        try {
            member = new MemberProcess(root, "big", "big", List.of("-Xmx" + HEAP,
                    "-Xlog:gc:file=" + root.resolve("big").resolve("gc.log")));
            run(member);
        } catch (Exception | Error e) {
            System.out.flush();
            e.printStackTrace();
            status = 1;
        } finally {
            if (member != null) {
                member.kill();
            }
            if (KEEP) {
                System.out.println("kept " + root);
            } else {
                BenchDaemon.deleteTree(root);
            }
        }
        System.exit(status);
    }

    private static void run(MemberProcess member) throws Exception {
        System.out.printf("large-read benchmark: %,d nodes, %d reads of every attribute (%d at once), "
                + "member heap %s, %d cores%n", NODES, READS, PARALLEL, HEAP, Runtime.getRuntime().availableProcessors());
        member.start();
        member.ok(Map.of("CONFLUENT_NEW_PASSWORD", PASSWORD), "user", "add", USER, "--role", "admin");
        int gcLinesBefore;
        try (BenchRest rest = new BenchRest(USER, PASSWORD)) {
            long defineStart = System.nanoTime();
            BenchNodes.defineOverRest(rest, member.httpsPort, NODES);
            System.out.printf("defined %,d nodes in %.1f s%n", NODES, (System.nanoTime() - defineStart) / 1e9);
            gcLinesBefore = gcLines(member).size();

            Writer writer = new Writer(rest, member);
            Thread writing = new Thread(writer, "largeread-writer");
            writing.start();
            Thread.sleep(2_000); // the writer's steady state before the reads
            String path = "/noderange/" + BenchRest.encode("everything") + "/attributes/all";
            for (int round = 1; round <= READS; round++) {
                Thread[] readers = new Thread[PARALLEL];
                for (int r = 0; r < PARALLEL; r++) {
                    int round1 = round;
                    readers[r] = new Thread(() -> {
                        try {
                            BenchRest.Streamed answer = rest.stream(member.httpsPort, path);
                            System.out.printf("read %d: status %d, %,d bytes, first byte after %.2f s, complete after %.2f s%s%n",
                                    round1, answer.status(), answer.bytes(), answer.firstByteNanos() / 1e9,
                                    answer.totalNanos() / 1e9, answer.complete() ? "" : " (INCOMPLETE)");
                        } catch (Exception e) {
                            System.out.printf("read %d failed: %s%n", round1, e);
                        }
                    });
                    readers[r].start();
                }
                for (Thread reader : readers) {
                    reader.join();
                }
            }
            writer.stop();
            writing.join();
            System.out.printf("writer during the reads: %d writes ok, %d refused (503), %d failed otherwise, "
                    + "longest write %.2f s%n", writer.ok.get(), writer.refused.get(), writer.failed.get(),
                    writer.longestNanos.get() / 1e9);
        }
        String log = member.log();
        long lost = log.lines().filter(line -> line.contains("quorum lost")).count();
        System.out.printf("member log: %d 'quorum lost' (SUSPENDED) lines%s%n", lost, lost == 0 ? ""
                : ":\n" + String.join("\n", log.lines().filter(l -> l.contains("quorum")).toList()));
        List<String> gc = gcLines(member);
        gcSummary(gc.subList(Math.min(gcLinesBefore, gc.size()), gc.size()));
    }

    /** Changes one attribute of 100 nodes, again and again, until stopped. */
    private static final class Writer implements Runnable {
        private final BenchRest rest;
        private final MemberProcess member;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong longestNanos = new AtomicLong();

        Writer(BenchRest rest, MemberProcess member) {
            this.rest = rest;
            this.member = member;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            String path = "/noderange/" + BenchRest.encode("n1-n100") + "/attributes/current";
            for (int i = 0; running.get(); i++) {
                long start = System.nanoTime();
                try {
                    rest.call(member.httpsPort, HttpMethod.PUT, path, "{\"custom.bench\":\"w" + i + "\"}");
                    ok.incrementAndGet();
                } catch (Exception e) {
                    (String.valueOf(e.getMessage()).contains("503") ? refused : failed).incrementAndGet();
                }
                longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            }
        }
    }

    private static List<String> gcLines(MemberProcess member) throws IOException {
        Path log = member.dir.resolve("gc.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Peak heap (before a collection) and the longest pause from the writer's start on. */
    private static void gcSummary(List<String> lines) {
        long peak = 0;
        long retained = 0;
        double longest = 0;
        double total = 0;
        int pauses = 0;
        String longestLine = "";
        for (String line : lines) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
                retained = Math.max(retained, Long.parseLong(m.group(2)));
                double ms = Double.parseDouble(m.group(4));
                total += ms;
                pauses++;
                if (ms > longest) {
                    longest = ms;
                    longestLine = line;
                }
            }
        }
        System.out.printf("member GC during reads and writes: peak heap %,d MB, at most %,d MB left after a collection, "
                + "%d pauses, %.1f s in total, longest %.0f ms%n  %s%n", peak, retained, pauses, total / 1000, longest, longestLine);
    }

}
