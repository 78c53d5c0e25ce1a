package org.confluentcollective.testkit.faults;

/** One injected fault: on {@code target}, from {@code injected} until {@code healed} (ns since the run began). */
public record FaultWindow(FaultKind kind, String target, long injected, long healed) {

    public boolean contains(long time) {
        return time >= injected && time <= healed;
    }
}
