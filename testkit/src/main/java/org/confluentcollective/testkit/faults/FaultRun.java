package org.confluentcollective.testkit.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.confluentcollective.testkit.MemberProcess;

/**
 * One Jepsen-style run: three voters, clients on every member, the nemesis' faults one at a
 * time, then a wait for convergence, the final dumps and the checker's report. The directory
 * keeps {@code history.jsonl}, {@code report.txt} and every member's {@code confluentd.log}; it
 * is deleted after a run that passed unless asked to keep it.
 *
 * <p>Long run: {@code testkit/run-faults --minutes N [--seed S] [--keep]} (see docs/faults.md).
 */
public final class FaultRun {

    /** What a run does: {@code rounds} times every fault kind in a shuffled order, or until {@code minutes} passed. */
    public record Config(int rounds, Duration atLeast, int clientsPerMember, int keysPerClient, long seed,
                         boolean keep, Nemesis.Timings timings) {

        /** Every fault kind once: about two and a half minutes. */
        public static Config shortRun(long seed, boolean keep) {
            return new Config(1, Duration.ZERO, 2, 4, seed, keep, Nemesis.Timings.standard());
        }

        public static Config longRun(Duration duration, long seed, boolean keep) {
            return new Config(Integer.MAX_VALUE, duration, 2, 4, seed, keep, Nemesis.Timings.standard());
        }
    }

    /** A finished run: the report and where its files are (gone if the run passed and was not kept). */
    public record Result(Report report, Path directory) {
    }

    private static final int MEMBERS = 3;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(12);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration CONVERGENCE = Duration.ofSeconds(60);

    private final Config config;

    public FaultRun(Config config) {
        this.config = config;
    }

    public Result run() throws Exception {
        // Short: Unix socket paths under it must stay within 108 bytes.
        Path dir = Files.createTempDirectory("ccf");
        long runId = ProcessHandle.current().pid();
        // Group ids and chain names of their own, so that two runs on one host do not meet.
        int firstGroupId = 47_000 + (int) (runId % 1_000) * MEMBERS;
        Random random = new Random(config.seed());
        System.out.println("[faults] seed " + config.seed() + ", directory " + dir);
        Report report;
        try (History history = new History(dir.resolve("history.jsonl"));
             Rest rest = new Rest(CLIENT_TIMEOUT);
             Members members = new Members(dir, MEMBERS, firstGroupId, rest);
             Partitioner partitioner = new Partitioner(Long.toString(runId), members.all())) {
            Thread cleanup = new Thread(() -> closeQuietly(partitioner, members));
            Runtime.getRuntime().addShutdownHook(cleanup); // an interrupted long run leaves no rule behind
            try {
                members.form();
                Nemesis nemesis = new Nemesis(members, partitioner, history, config.timings(), random);
                try (Workload workload = new Workload(members.all(), config.clientsPerMember(),
                        config.keysPerClient(), rest, history, random.nextLong()).start()) {
                    Thread.sleep(WARM_UP.toMillis());
                    long until = System.nanoTime() + config.atLeast().toNanos();
                    for (int round = 0; round < config.rounds() && (round == 0 || System.nanoTime() < until); round++) {
                        List<FaultKind> kinds = new ArrayList<>(Arrays.asList(FaultKind.values()));
                        Collections.shuffle(kinds, random);
                        for (FaultKind kind : kinds) {
                            nemesis.run(kind);
                        }
                    }
                }
                Map<String, String> dumpFailures = new TreeMap<>();
                Map<String, Map<String, String>> dumps = converge(members, dumpFailures);
                report = new Checker(history.events(), history.faults()).check(dumps, dumpFailures, nemesis.unrecovered());
            } finally {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
        }
        Files.writeString(dir.resolve("report.txt"), report.text());
        System.out.print(report.text());
        if (report.passed() && !config.keep()) {
            delete(dir);
        } else {
            System.out.println("[faults] history, report and members' logs kept in " + dir);
        }
        return new Result(report, dir);
    }

    /** Waits until every member holds the same nodes and values, then returns what each holds. */
    private static Map<String, Map<String, String>> converge(Members members, Map<String, String> failures)
            throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        while (true) {
            failures.clear();
            Map<String, Map<String, String>> dumps = new TreeMap<>();
            for (MemberProcess member : members.all()) {
                try {
                    dumps.put(member.name, members.contents(member));
                } catch (IOException | Rest.NoReply e) {
                    failures.put(member.name, e.getMessage());
                }
            }
            if ((failures.isEmpty() && dumps.values().stream().distinct().count() == 1) || System.nanoTime() > deadline) {
                return dumps;
            }
            Thread.sleep(1_000);
        }
    }

    private static void closeQuietly(Partitioner partitioner, Members members) {
        try {
            partitioner.close();
            members.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** {@code --minutes N} (default: one short run), {@code --seed S}, {@code --keep}; exits 1 if the checker found anything. */
    public static void main(String[] args) throws Exception {
        long seed = System.currentTimeMillis();
        Duration duration = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> duration = Duration.ofMinutes(Long.parseLong(args[++i]));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("usage: run-faults [--minutes N] [--seed S] [--keep]");
                    System.exit(2);
                }
            }
        }
        Config config = duration == null ? Config.shortRun(seed, keep) : Config.longRun(duration, seed, keep);
        System.exit(new FaultRun(config).run().report().passed() ? 0 : 1);
    }
}
