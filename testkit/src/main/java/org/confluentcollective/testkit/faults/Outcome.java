package org.confluentcollective.testkit.faults;

/** What a client knows about one operation once it has its answer (or gave up waiting). */
public enum Outcome {
    /** 2xx (for reads also 404: the member says the node does not exist). */
    OK,
    /** Definitely not applied: 4xx, 503 (`no quorum`: nothing was sent), or no connection at all. */
    FAILED,
    /** May or may not have been applied: 504 (sent, then the quorum was lost), other 5xx, timeouts, dropped connections. */
    UNKNOWN;

    /** Classifies an HTTP status. */
    static Outcome of(int status) {
        if (status / 100 == 2) {
            return OK;
        }
        return status / 100 == 4 || status == 503 ? FAILED : UNKNOWN;
    }
}
