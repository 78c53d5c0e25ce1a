package org.confluentcollective.server.collective;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.confluentcollective.server.RequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the member's ZooKeeper connection: connected (or reconnected) means a quorum
 * accepts writes; suspended, lost or read-only means lock-down. The state changes the moment
 * Curator reports it, so a write is refused at once rather than after connection timeouts.
 */
public final class QuorumWatch implements QuorumStatus, ConnectionStateListener {

    /** The message every refused change carries (design.md §2). */
    public static final String NO_QUORUM = "no quorum";

    private static final Logger LOG = LoggerFactory.getLogger(QuorumWatch.class);

    private volatile boolean quorum;

    public QuorumWatch(boolean connected) {
        this.quorum = connected;
    }

    @Override
    public boolean hasQuorum() {
        return quorum;
    }

    /** @throws RequestException UNAVAILABLE {@code no quorum} while locked down */
    public void requireQuorum() {
        if (!quorum) {
            throw noQuorum();
        }
    }

    public static RequestException noQuorum() {
        return new RequestException(RequestException.Kind.UNAVAILABLE, NO_QUORUM);
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState state) {
        boolean now = state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED;
        if (now != quorum) {
            LOG.warn(now ? "quorum regained ({}): changes are accepted again"
                    : "quorum lost ({}): locked down, changes are refused and reads are stale", state);
        }
        quorum = now;
    }
}
