package org.confluentcollective.testkit.faults;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the checker found in one run. Each list holds one line per violation; the run passes
 * when all of them are empty. {@code longestWriteStop} is, per fault kind, the longest time
 * without an acknowledged write on the members not hit by the fault, between injection and heal.
 */
public record Report(long operations, long ok, long failed, long unknown, long consistentReads,
                     List<String> lost, List<String> phantom, List<String> staleConsistentReads,
                     List<String> lockDownViolations, List<String> divergence, List<String> unrecovered,
                     Map<FaultKind, Integer> faults, Map<FaultKind, WriteStop> longestWriteStop) {

    /** A stretch without acknowledged writes; {@code untilHeal}: it lasted until the fault was healed (so at least this long). */
    public record WriteStop(long ms, boolean untilHeal) {
        @Override
        public String toString() {
            return String.format("%.1f s%s", ms / 1000.0, untilHeal ? " (until the heal)" : "");
        }
    }

    private static final int SHOWN = 25;

    public boolean passed() {
        return lost.isEmpty() && phantom.isEmpty() && staleConsistentReads.isEmpty() && lockDownViolations.isEmpty()
                && divergence.isEmpty() && unrecovered.isEmpty();
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("operations %d: ok %d, failed %d, unknown %d (consistent reads %d)%n",
                operations, ok, failed, unknown, consistentReads));
        text.append(String.format("lost %d, phantom %d, stale %d, diverged %d, lock-down violations %d, unrecovered %d%n",
                lost.size(), phantom.size(), staleConsistentReads.size(), divergence.size(),
                lockDownViolations.size(), unrecovered.size()));
        text.append("faults: ").append(faults.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "))).append('\n');
        text.append("longest write stop per fault kind: ").append(longestWriteStop.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append('\n');
        section(text, "LOST acknowledged writes", lost);
        section(text, "PHANTOM values (one line per value)", phantom);
        section(text, "STALE consistent reads", staleConsistentReads);
        section(text, "LOCK-DOWN violations", lockDownViolations);
        section(text, "DIVERGENCE after healing", divergence);
        section(text, "NOT RECOVERED", unrecovered);
        text.append(passed() ? "PASSED\n" : "FAILED\n");
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append(title).append(" (").append(lines.size()).append("):\n");
        lines.stream().limit(SHOWN).forEach(line -> text.append("  ").append(line).append('\n'));
        if (lines.size() > SHOWN) {
            text.append("  ... ").append(lines.size() - SHOWN).append(" more\n");
        }
    }
}
