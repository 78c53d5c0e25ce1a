package org.confluentcollective.testkit.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The writes to one key, in their owner's order (one client owns a key and waits for each
 * answer, or gives up, before its next operation). The key is a register whose states are a
 * value or {@link #ABSENT} (no such node).
 */
record KeyWrites(String key, List<Event> writes) {

    static final String ABSENT = "<absent>";

    static KeyWrites of(String key, List<Event> writes) {
        List<Event> ordered = new ArrayList<>(writes);
        ordered.sort(Comparator.comparingLong(Event::invoked));
        return new KeyWrites(key, List.copyOf(ordered));
    }

    /** The register's state once {@code write} took effect. */
    static String stateAfter(Event write) {
        return write.kind() == OpKind.DELETE ? ABSENT : write.value();
    }

    /**
     * States the key may hold once everything settled: that of its last acknowledged write (or
     * absent, without one), or that of any write whose outcome is unknown — such a write may take
     * effect at any time after it began, even after its owner's later writes (the server may
     * still be working on it when the client gives up and moves on).
     */
    Set<String> allowedFinal() {
        return allowed(lastAcknowledgedBefore(Long.MAX_VALUE), Long.MAX_VALUE);
    }

    /**
     * States a linearizable read running from {@code invoked} to {@code completed} may return:
     * that of the last write acknowledged before the read began (or absent, without one), that of
     * a later acknowledged write that began before the read ended, or that of any write of unknown
     * outcome that began before the read ended.
     */
    Set<String> allowedRead(long invoked, long completed) {
        return allowed(lastAcknowledgedBefore(invoked), completed);
    }

    private Set<String> allowed(int last, long before) {
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(last < 0 ? ABSENT : stateAfter(writes.get(last)));
        for (int i = 0; i < writes.size(); i++) {
            Event write = writes.get(i);
            boolean later = i > last && write.outcome() == Outcome.OK;
            if ((later || write.outcome() == Outcome.UNKNOWN) && write.invoked() < before) {
                allowed.add(stateAfter(write));
            }
        }
        return allowed;
    }

    /** Index of the last write acknowledged before {@code time}, -1 if none. */
    int lastAcknowledgedBefore(long time) {
        int last = -1;
        for (int i = 0; i < writes.size(); i++) {
            Event write = writes.get(i);
            if (write.outcome() == Outcome.OK && write.completed() < time) {
                last = i;
            }
        }
        return last;
    }

    /** The last acknowledged write, described, for reports. */
    String describeLastAcknowledged(long before) {
        int last = lastAcknowledgedBefore(before);
        return last < 0 ? "none (absent)" : Checker.describe(writes.get(last));
    }
}
