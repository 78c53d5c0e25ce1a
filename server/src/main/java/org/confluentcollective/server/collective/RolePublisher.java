package org.confluentcollective.server.collective;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.confluentcollective.zk.PeerState;
import org.confluentcollective.zk.ZooKeeperRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this member's ZooKeeper role in its liveness znode, so every member's {@code collective
 * show} can name the ZooKeeper leader. ZooKeeper has no listener for a peer's state, so it checks
 * once a second and writes only when the role changed. A write lost with the connection is not
 * retried here: the liveness node rewrites its latest data when the client reconnects.
 */
final class RolePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RolePublisher.class);
    private static final long PERIOD_MILLIS = 1000;

    private final Supplier<PeerState> localPeer;
    private final PersistentNode liveness;
    private final ScheduledExecutorService timer;
    /** Only the timer thread touches it after start. */
    private ZooKeeperRole published;

    /** @param published the role already in the liveness node's initial data */
    RolePublisher(Supplier<PeerState> localPeer, PersistentNode liveness, ZooKeeperRole published) {
        this.localPeer = localPeer;
        this.liveness = liveness;
        this.published = published;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "zookeeper-role");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Call once the liveness node exists (Curator refuses new data before its first create). */
    void start() {
        timer.scheduleWithFixedDelay(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    static byte[] encode(ZooKeeperRole role) {
        return role.label().getBytes(StandardCharsets.UTF_8);
    }

    static ZooKeeperRole decode(byte[] data) {
        Optional<ZooKeeperRole> role = data == null ? Optional.empty()
                : ZooKeeperRole.ofLabel(new String(data, StandardCharsets.UTF_8));
        return role.orElse(ZooKeeperRole.UNKNOWN);
    }

    private void check() {
        ZooKeeperRole now = localPeer.get().role();
        if (now == published) {
            return;
        }
        try {
            liveness.setData(encode(now));
            LOG.info("this member's ZooKeeper peer is now {} (was {})", now.label(), published.label());
            published = now;
        } catch (Exception e) {
            // Tried again on the next check: published still differs.
            LOG.debug("cannot publish the ZooKeeper role {} yet", now, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
