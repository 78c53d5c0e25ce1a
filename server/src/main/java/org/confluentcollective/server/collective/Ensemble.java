package org.confluentcollective.server.collective;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.confluentcollective.zk.QuorumServer;

/**
 * The committed ZooKeeper ensemble configuration as a client reads it: the {@code server.N=}
 * lines and their version, which a reconfiguration must name so that two concurrent changes
 * cannot both apply.
 *
 * @param servers the servers, voters and observers
 * @param version the configuration's version (hex as ZooKeeper prints it)
 */
public record Ensemble(List<QuorumServer> servers, long version) {

    public Ensemble {
        servers = List.copyOf(servers);
    }

    /** Reads the configuration after catching up with the leader, so it is the latest committed one. */
    public static Ensemble read(CuratorFramework curator) throws Exception {
        awaitSync(curator, ZooDefs.CONFIG_NODE);
        return parse(curator.getConfig().forEnsemble());
    }

    /** Parses the content of {@code /zookeeper/config}. */
    public static Ensemble parse(byte[] data) {
        List<QuorumServer> servers = new ArrayList<>();
        long version = 0;
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("version=")) {
                version = Long.parseLong(line.substring("version=".length()).trim(), 16);
            } else {
                QuorumServer.parse(line).ifPresent(servers::add);
            }
        }
        return new Ensemble(servers, version);
    }

    /** Waits until this client's server has caught up with the leader as of now. */
    public static void awaitSync(CuratorFramework curator, String path) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger rc = new AtomicInteger();
        curator.getZookeeperClient().getZooKeeper().sync(path, (code, p, ctx) -> {
            rc.set(code);
            done.countDown();
        }, null);
        if (!done.await(curator.getZookeeperClient().getConnectionTimeoutMs(), TimeUnit.MILLISECONDS)) {
            throw new KeeperException.ConnectionLossException();
        }
        if (rc.get() != KeeperException.Code.OK.intValue()) {
            throw KeeperException.create(KeeperException.Code.get(rc.get()), path);
        }
    }

    public long voters() {
        return servers.stream().filter(QuorumServer::votes).count();
    }

    public Optional<QuorumServer> server(int id) {
        return servers.stream().filter(s -> s.id() == id).findFirst();
    }

    public int highestId() {
        return servers.stream().mapToInt(QuorumServer::id).max().orElse(0);
    }

    public List<String> lines() {
        return servers.stream().map(QuorumServer::line).toList();
    }
}
