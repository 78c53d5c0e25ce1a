package org.confluentcollective.server.collective;

import org.apache.zookeeper.KeeperException;
import org.confluentcollective.server.api.RequestException;

/**
 * What a failed change of the collective's own znodes means to the caller. A connection lost
 * after the change was sent may have let it through, so it is reported as of unknown outcome
 * (504), never as refused; anything else left the collective as it was (503).
 */
final class WriteFailures {

    private WriteFailures() {
    }

    static RequestException of(String action, Exception cause) {
        if (cause instanceof KeeperException.ConnectionLossException
                || cause instanceof KeeperException.SessionExpiredException
                || cause instanceof KeeperException.OperationTimeoutException) {
            return RequestException.outcomeUnknown("the connection to the collective was lost while trying to "
                    + action);
        }
        return new RequestException(RequestException.Kind.UNAVAILABLE, "cannot " + action + ": " + cause.getMessage(),
                cause);
    }
}
