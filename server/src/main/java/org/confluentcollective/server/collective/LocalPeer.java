package org.confluentcollective.server.collective;

import java.io.IOException;
import java.util.List;
import org.confluentcollective.server.api.JoinEndpoints;
import org.confluentcollective.zk.QuorumServer;

/**
 * What the collective needs of this member's own ZooKeeper peer to join or recover: how it is
 * started is not the collective's business (only zk-embedded knows that; web implements this).
 * The {@code prepare} methods are called before the peer starts, the others while it runs.
 */
public interface LocalPeer {

    /**
     * Makes the peer, not started yet, a non-voting member of the collective's ensemble: server
     * {@code serverId} with the ports this member told the collective, its own data discarded.
     */
    void prepareJoin(int serverId, JoinEndpoints endpoints, List<QuorumServer> committed) throws IOException;

    /** Makes the peer, not started yet, the only server of its ensemble, keeping its data. */
    void prepareRecovery() throws IOException;

    /** The running peer's own {@code server.N} line: its id, ports and whether it votes. */
    QuorumServer ownServer() throws IOException;

    /** The running peer's client port. */
    int clientPort();
}
