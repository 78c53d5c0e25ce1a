package org.confluentcollective.server;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.server.api.JoinEndpoints;
import org.confluentcollective.server.collective.LocalPeer;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.PeerState;
import org.confluentcollective.zk.QuorumServer;
import org.confluentcollective.zk.ZooKeeperSettings;

/**
 * This member's ZooKeeper peer as the collective sees it ({@link LocalPeer}), on zk-embedded's API:
 * prepared (for a join or a recovery) before {@link #start}, then running until {@link #close}.
 */
final class ZooKeeperPeer implements LocalPeer, AutoCloseable {

    /** Replaced by a join's server id and ports; fixed once started. */
    private ZooKeeperSettings settings;
    private EmbeddedZooKeeper running;

    ZooKeeperPeer(ZooKeeperSettings settings) {
        this.settings = settings;
    }

    @Override
    public void prepareJoin(int serverId, JoinEndpoints endpoints, List<QuorumServer> committed) throws IOException {
        requireStopped();
        settings = settings.withServer(serverId, endpoints.clientPort(), endpoints.quorumPort(),
                endpoints.electionPort());
        EmbeddedZooKeeper.prepareJoin(settings, committed);
    }

    @Override
    public void prepareRecovery() throws IOException {
        requireStopped();
        EmbeddedZooKeeper.prepareRecovery(settings.dataDir());
    }

    /** Starts the peer; returns once it serves clients. */
    ZooKeeperPeer start() throws IOException {
        requireStopped();
        running = EmbeddedZooKeeper.start(settings);
        return this;
    }

    @Override
    public QuorumServer ownServer() throws IOException {
        return EmbeddedZooKeeper.existingServer(settings.dataDir())
                .orElseThrow(() -> new IllegalStateException("the ZooKeeper peer wrote no configuration"));
    }

    @Override
    public int clientPort() {
        return peer().clientPort();
    }

    String connectString() {
        return peer().connectString();
    }

    ZKClientConfig clientConfig() {
        return peer().clientConfig();
    }

    Optional<java.nio.file.Path> clientConfigFile() {
        return peer().clientConfigFile();
    }

    PeerState state() {
        return peer().state();
    }

    /** Ends the ZooKeeper client sessions of certificates no longer pinned. */
    void closeUntrustedClientConnections() {
        peer().closeUntrustedClientConnections();
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
    }

    private EmbeddedZooKeeper peer() {
        if (running == null) {
            throw new IllegalStateException("the ZooKeeper peer is not started");
        }
        return running;
    }

    private void requireStopped() {
        if (running != null) {
            throw new IllegalStateException("the ZooKeeper peer is already running");
        }
    }
}
