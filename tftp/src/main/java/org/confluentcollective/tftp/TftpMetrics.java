package org.confluentcollective.tftp;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one server since it started; read by tests and, later, by the daemon's status. */
public final class TftpMetrics {

    final LongAdder requests = new LongAdder();
    final LongAdder transfersStarted = new LongAdder();
    final LongAdder transfersCompleted = new LongAdder();
    final LongAdder transfersFailed = new LongAdder();
    final LongAdder refusals = new LongAdder();
    final LongAdder busyRefusals = new LongAdder();
    final LongAdder droppedPackets = new LongAdder();
    final LongAdder wrongTidPackets = new LongAdder();
    final LongAdder duplicateRequests = new LongAdder();
    final LongAdder retransmissions = new LongAdder();
    final LongAdder bytesSent = new LongAdder();

    /** Well-formed RRQs and WRQs received. */
    public long requests() {
        return requests.sum();
    }

    /** Transfers that opened their file and began sending. */
    public long transfersStarted() {
        return transfersStarted.sum();
    }

    /** Transfers whose last block was acknowledged. */
    public long transfersCompleted() {
        return transfersCompleted.sum();
    }

    /** Started transfers that timed out, were aborted by the client or hit an I/O error. */
    public long transfersFailed() {
        return transfersFailed.sum();
    }

    /** Requests answered with an ERROR (not found, access violation, write, malformed, busy). */
    public long refusals() {
        return refusals.sum();
    }

    /** Requests refused because every transfer slot was taken. */
    public long busyRefusals() {
        return busyRefusals.sum();
    }

    /** Datagrams that were not what the receiving socket expected, dropped or answered error 4. */
    public long droppedPackets() {
        return droppedPackets.sum();
    }

    /** Datagrams at a transfer's socket from another address or port (answered error 5). */
    public long wrongTidPackets() {
        return wrongTidPackets.sum();
    }

    /** Repeated requests from a client whose transfer is still running (ignored). */
    public long duplicateRequests() {
        return duplicateRequests.sum();
    }

    /** Packets sent again after a timeout or a client's report of a lost block. */
    public long retransmissions() {
        return retransmissions.sum();
    }

    /** File bytes sent in DATA packets, retransmissions included. */
    public long bytesSent() {
        return bytesSent.sum();
    }

    @Override
    public String toString() {
        return "requests=" + requests() + " started=" + transfersStarted() + " completed=" + transfersCompleted()
                + " failed=" + transfersFailed() + " refusals=" + refusals() + " busy=" + busyRefusals()
                + " dropped=" + droppedPackets() + " wrongTid=" + wrongTidPackets()
                + " duplicates=" + duplicateRequests() + " retransmissions=" + retransmissions()
                + " bytesSent=" + bytesSent();
    }
}
