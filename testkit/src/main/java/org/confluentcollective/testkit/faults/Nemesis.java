package org.confluentcollective.testkit.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.confluentcollective.testkit.MemberProcess;

/**
 * Injects one fault at a time on the ZooKeeper leader or a follower, heals it, then waits until
 * the collective is whole again (and a little longer) before the next: every fault's effects
 * are its own.
 */
public final class Nemesis {

    /** How long faults last and how the collective gets to settle after them. */
    public record Timings(Duration killedFor, Duration pausedFor, Duration partitionedFor, Duration settleTimeout,
                          Duration settleExtra) {
        /** Pauses outlast ZooKeeper's 10 s session timeout, so that the paused member's session expires. */
        public static Timings standard() {
            return new Timings(Duration.ofSeconds(3), Duration.ofSeconds(14), Duration.ofSeconds(12),
                    Duration.ofSeconds(60), Duration.ofSeconds(3));
        }
    }

    private static final Duration FIND_LEADER = Duration.ofSeconds(30);

    private final Members members;
    private final Partitioner partitioner;
    private final History history;
    private final Timings timings;
    private final Random random;
    private final List<String> unrecovered = new ArrayList<>();

    public Nemesis(Members members, Partitioner partitioner, History history, Timings timings, Random random) {
        this.members = members;
        this.partitioner = partitioner;
        this.history = history;
        this.timings = timings;
        this.random = random;
    }

    /** Injects {@code kind}, heals it, records it and lets the collective settle. */
    public FaultWindow run(FaultKind kind) throws IOException, InterruptedException {
        MemberProcess target = target(kind);
        log("inject " + kind + " on " + target.name);
        long injected = history.now();
        switch (kind.action) {
            case KILL -> {
                target.kill();
                Thread.sleep(timings.killedFor().toMillis());
                target.launch();
            }
            case PAUSE -> {
                target.pause();
                try {
                    Thread.sleep(timings.pausedFor().toMillis());
                } finally {
                    target.resume();
                }
            }
            case PARTITION -> {
                partitioner.isolate(target);
                try {
                    Thread.sleep(timings.partitionedFor().toMillis());
                } finally {
                    partitioner.heal();
                }
            }
        }
        FaultWindow window = new FaultWindow(kind, target.name, injected, history.now());
        history.add(window);
        log("healed " + kind + " on " + target.name);
        if (!members.awaitHealthy(timings.settleTimeout())) {
            unrecovered.add(kind + " on " + target.name + ": the collective was not whole "
                    + timings.settleTimeout().toSeconds() + " s after healing");
        }
        Thread.sleep(timings.settleExtra().toMillis());
        return window;
    }

    /** Faults after which the collective did not become whole again in time. */
    public List<String> unrecovered() {
        return List.copyOf(unrecovered);
    }

    private MemberProcess target(FaultKind kind) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FIND_LEADER.toNanos();
        Optional<MemberProcess> leader = members.zookeeperLeader();
        while (leader.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            leader = members.zookeeperLeader();
        }
        MemberProcess found = leader.orElseThrow(() -> new IllegalStateException("no ZooKeeper leader found"));
        if (kind.leader) {
            return found;
        }
        List<MemberProcess> followers = members.all().stream().filter(m -> m != found).toList();
        return followers.get(random.nextInt(followers.size()));
    }

    private void log(String message) {
        System.out.printf("[faults %6.1f s] %s%n", history.now() / 1e9, message);
    }
}
