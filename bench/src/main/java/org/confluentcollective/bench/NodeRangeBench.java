package org.confluentcollective.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.server.noderange.NodeUniverse;

/**
 * Noderange expansion speed on a 104,200-node in-memory database: {@code n1}..{@code n100000}
 * (1,000 per rack, all in {@code compute}) and {@code r1u1}..{@code r100u42} (42 per rack,
 * {@code u37}-{@code u42} in {@code storage}, the rest in {@code compute}); groups
 * {@code rack1}..{@code rack100} give {@code location.rack}.
 *
 * <p>Run: {@code java -cp bench/target/classes:server/target/classes
 * org.confluentcollective.bench.NodeRangeBench}
 */
public final class NodeRangeBench {

    private static final int WARMUP_ROUNDS = 30;
    private static final int MEASURED_ROUNDS = 30;

    private NodeRangeBench() {
    }

    public static void main(String[] args) {
        Universe universe = Universe.build();
        NodeRanges ranges = new NodeRanges(AttributeCatalog.standard());
        System.out.printf("database: %,d nodes, %,d groups%n", universe.nodes().size(), universe.groups.size());
        for (String noderange : List.of("n1-n100000", "r[1-100]u[1-42]",
                "compute,-location.rack=7@rack[1-50],storage,-n5", "~^n1", "location.rack=42")) {
            measure(noderange, () -> ranges.expand(noderange, universe).size());
        }
        List<String> all = ranges.expand("everything", universe);
        measure("abbreviate(everything)", () -> {
            NodeRanges.abbreviate(all);
            return all.size();
        });
        System.out.println("abbreviate(everything) = " + NodeRanges.abbreviate(all));
    }

    /** Runs the work repeatedly; it returns how many nodes it produced or handled. */
    private static void measure(String label, java.util.function.IntSupplier work) {
        int size = 0;
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            size = work.getAsInt();
        }
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long start = System.nanoTime();
            size = work.getAsInt();
            long elapsed = System.nanoTime() - start;
            best = Math.min(best, elapsed);
            total += elapsed;
        }
        double meanMillis = total / 1e6 / MEASURED_ROUNDS;
        System.out.printf("%-50s %,8d nodes  mean %8.2f ms  best %8.2f ms  %,12.0f nodes/s%n",
                label, size, meanMillis, best / 1e6, size / (meanMillis / 1e3));
    }

    /** The benchmark database, answering from plain maps as a real in-memory copy would. */
    private static final class Universe implements NodeUniverse {
        private final Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        private final Map<String, Set<String>> groups = new HashMap<>();

        static Universe build() {
            Universe universe = new Universe();
            for (int i = 1; i <= 100_000; i++) {
                int rack = (i - 1) / 1_000 + 1;
                universe.add("n" + i, rack, "compute");
            }
            for (int rack = 1; rack <= 100; rack++) {
                for (int u = 1; u <= 42; u++) {
                    universe.add("r" + rack + "u" + u, rack, u >= 37 ? "storage" : "compute");
                }
            }
            return universe;
        }

        private void add(String node, int rack, String role) {
            nodes.put(node, Map.of("location.rack", Integer.toString(rack), "custom.role", role,
                    "console.logging", "full", "hardwaremanagement.method", "ipmi"));
            for (String group : List.of("rack" + rack, role, "everything")) {
                groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(node);
            }
        }

        @Override
        public Collection<String> nodes() {
            return nodes.keySet();
        }

        @Override
        public boolean isNode(String name) {
            return nodes.containsKey(name);
        }

        @Override
        public boolean isGroup(String name) {
            return groups.containsKey(name);
        }

        @Override
        public Set<String> staticMembers(String group) {
            return groups.getOrDefault(group, Set.of());
        }

        @Override
        public Optional<String> dynamicNoderange(String group) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> effectiveValues(String node) {
            return nodes.getOrDefault(node, Map.of());
        }
    }
}
