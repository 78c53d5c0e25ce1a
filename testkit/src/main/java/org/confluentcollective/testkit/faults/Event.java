package org.confluentcollective.testkit.faults;

/**
 * One completed operation of the history. Times are nanoseconds since the run began. For
 * writes {@code value} is what was written ({@code null} for a delete); for reads it is what was
 * seen ({@code null}: the node does not exist, or the read failed).
 */
public record Event(long invoked, long completed, String member, String client, OpKind kind, String key,
                    String value, Outcome outcome, int status, boolean stale, String detail) {

    public boolean isOkWrite() {
        return kind.isWrite() && outcome == Outcome.OK;
    }
}
