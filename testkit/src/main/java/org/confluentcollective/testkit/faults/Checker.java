package org.confluentcollective.testkit.faults;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a history against what the collective promises: no acknowledged write lost, no value
 * that nobody successfully wrote, consistent reads that are linearizable per key, exact
 * lock-down of a cut-off member, and the same database on every member after healing.
 */
public final class Checker {

    /** After this long, a member cut off from the others must refuse changes and mark reads stale. */
    public static final long LOCK_DOWN_GRACE_NS = 3_000_000_000L;

    private final List<Event> events;
    private final List<FaultWindow> faults;
    private final Map<String, KeyWrites> keys = new TreeMap<>();
    private final Map<String, Event> writeOfValue = new HashMap<>();

    public Checker(List<Event> events, List<FaultWindow> faults) {
        this.events = List.copyOf(events);
        this.faults = List.copyOf(faults);
        events.stream().filter(e -> e.kind().isWrite())
                .collect(Collectors.groupingBy(Event::key))
                .forEach((key, writes) -> keys.put(key, KeyWrites.of(key, writes)));
        for (Event event : events) {
            if (event.kind().isWrite() && event.value() != null) {
                writeOfValue.put(event.value(), event);
            }
        }
    }

    /**
     * {@code dumps}: per member, every node it holds and its value (plain reads after the last
     * heal and the wait for convergence); {@code dumpFailures}: members whose dump failed.
     */
    public Report check(Map<String, Map<String, String>> dumps, Map<String, String> dumpFailures,
                        List<String> unrecovered) {
        List<String> lost = new ArrayList<>();
        List<String> phantom = phantomReads();
        dumps.forEach((member, dump) -> checkFinal(member, dump, lost, phantom));
        long ok = events.stream().filter(e -> e.outcome() == Outcome.OK).count();
        long failed = events.stream().filter(e -> e.outcome() == Outcome.FAILED).count();
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        faults.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return new Report(events.size(), ok, failed, events.size() - ok - failed,
                events.stream().filter(e -> e.kind() == OpKind.CONSISTENT_READ).count(),
                lost, phantom, staleConsistentReads(), lockDownViolations(),
                divergence(dumps, dumpFailures), unrecovered, counts, longestWriteStops());
    }

    /** One line per phantom value: why, how many reads saw it, and the first of them. */
    private List<String> phantomReads() {
        Map<String, List<Event>> seen = new TreeMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (Event read : events) {
            if (!read.kind().isWrite() && read.outcome() == Outcome.OK && read.value() != null) {
                phantomReason(read.value(), read.completed()).ifPresent(reason -> {
                    reasons.putIfAbsent(read.value(), reason);
                    seen.computeIfAbsent(read.value(), v -> new ArrayList<>()).add(read);
                });
            }
        }
        List<String> lines = new ArrayList<>();
        seen.forEach((value, reads) -> lines.add(reads.get(0).key() + "=" + value + ": " + reasons.get(value)
                + "; seen by " + reads.size() + " read(s) (" + reads.stream().filter(r -> r.kind() == OpKind.CONSISTENT_READ).count()
                + " consistent), first: " + describe(reads.get(0))));
        return lines;
    }

    private void checkFinal(String member, Map<String, String> dump, List<String> lost, List<String> phantom) {
        Set<String> all = new TreeSet<>(keys.keySet());
        all.addAll(dump.keySet());
        for (String key : all) {
            String held = dump.getOrDefault(key, KeyWrites.ABSENT);
            KeyWrites writes = keys.getOrDefault(key, KeyWrites.of(key, List.of()));
            if (writes.allowedFinal().contains(held)) {
                continue;
            }
            var reason = held.equals(KeyWrites.ABSENT) ? Optional.<String>empty()
                    : phantomReason(held, Long.MAX_VALUE);
            if (reason.isPresent()) {
                phantom.add(member + " finally holds " + key + "=" + held + ": " + reason.get());
            } else {
                lost.add(member + " finally holds " + key + "=" + held + ", but the last acknowledged write was "
                        + writes.describeLastAcknowledged(Long.MAX_VALUE) + "; allowed: " + writes.allowedFinal());
            }
        }
    }

    /** Why {@code value}, seen by a read that completed at {@code seen}, cannot have been written, if so. */
    private Optional<String> phantomReason(String value, long seen) {
        Event write = writeOfValue.get(value);
        if (write == null) {
            return Optional.of("value never written by anyone");
        }
        if (write.outcome() == Outcome.FAILED) {
            return Optional.of("value written only by a failed write: " + describe(write));
        }
        if (write.invoked() > seen) {
            return Optional.of("value seen before its write began: " + describe(write));
        }
        return Optional.empty();
    }

    private List<String> staleConsistentReads() {
        List<String> stale = new ArrayList<>();
        for (Event read : events) {
            if (read.kind() != OpKind.CONSISTENT_READ || read.outcome() != Outcome.OK) {
                continue;
            }
            if (read.stale()) {
                stale.add(describe(read) + ": a consistent read answered with X-Confluent-Stale: true");
                continue;
            }
            if (read.value() != null && phantomReason(read.value(), read.completed()).isPresent()) {
                continue; // reported once, under phantom values
            }
            KeyWrites writes = keys.getOrDefault(read.key(), KeyWrites.of(read.key(), List.of()));
            String seen = read.value() == null ? KeyWrites.ABSENT : read.value();
            Set<String> allowed = writes.allowedRead(read.invoked(), read.completed());
            if (!allowed.contains(seen)) {
                stale.add(describe(read) + ": last write acknowledged before it began: "
                        + writes.describeLastAcknowledged(read.invoked()) + "; allowed: " + allowed);
            }
        }
        return stale;
    }

    private List<String> lockDownViolations() {
        List<String> violations = new ArrayList<>();
        for (FaultWindow fault : faults) {
            if (fault.kind().action != FaultKind.Action.PARTITION) {
                continue;
            }
            long from = fault.injected() + LOCK_DOWN_GRACE_NS;
            for (Event event : events) {
                if (!event.member().equals(fault.target()) || event.outcome() != Outcome.OK
                        || event.invoked() < from || event.completed() > fault.healed()) {
                    continue;
                }
                if (event.kind().isWrite()) {
                    violations.add(describe(event) + ": write acknowledged by " + fault.target()
                            + " while cut off (" + fault.kind() + ")");
                } else if (!event.stale()) {
                    violations.add(describe(event) + ": read not marked stale by " + fault.target()
                            + " while cut off (" + fault.kind() + ")");
                }
            }
        }
        return violations;
    }

    private static List<String> divergence(Map<String, Map<String, String>> dumps, Map<String, String> failures) {
        List<String> differences = new ArrayList<>();
        failures.forEach((member, reason) -> differences.add(member + ": no dump: " + reason));
        Set<String> all = new TreeSet<>();
        dumps.values().forEach(dump -> all.addAll(dump.keySet()));
        for (String key : all) {
            Map<String, String> held = new TreeMap<>();
            dumps.forEach((member, dump) -> held.put(member, dump.getOrDefault(key, KeyWrites.ABSENT)));
            if (held.values().stream().distinct().count() > 1) {
                differences.add(key + ": " + held);
            }
        }
        return differences;
    }

    /** Per fault kind, the longest stretch without an acknowledged write on the members the fault spared. */
    private Map<FaultKind, Report.WriteStop> longestWriteStops() {
        Map<FaultKind, Report.WriteStop> longest = new EnumMap<>(FaultKind.class);
        for (FaultWindow fault : faults) {
            List<Long> acks = events.stream()
                    .filter(e -> e.isOkWrite() && !e.member().equals(fault.target()) && fault.contains(e.completed()))
                    .map(Event::completed).sorted().toList();
            long previous = fault.injected();
            long gap = 0;
            for (long ack : acks) {
                gap = Math.max(gap, ack - previous);
                previous = ack;
            }
            boolean untilHeal = fault.healed() - previous >= gap;
            gap = Math.max(gap, fault.healed() - previous);
            longest.merge(fault.kind(), new Report.WriteStop(gap / 1_000_000, untilHeal),
                    (a, b) -> a.ms() >= b.ms() ? a : b);
        }
        return longest;
    }

    static String describe(Event event) {
        return String.format("%s %s on %s %s%s [%.3f-%.3f s] -> %s%s%s", event.client(), event.kind(),
                event.member(), event.key(), event.value() == null ? "" : "=" + event.value(),
                event.invoked() / 1e9, event.completed() / 1e9, event.outcome(),
                event.status() == 0 ? "" : " " + event.status(), event.stale() ? " (stale)" : "");
    }
}
