package org.confluentcollective.zk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZooKeeperTest {

    @TempDir
    Path dir;

    @Test
    void servesAsOneMemberQuorumAndKeepsDataAcrossRestart() throws Exception {
        String connect;
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir))) {
            connect = zk.connectString();
            // A collective of one still runs the distributed stack, so it can grow by reconfig.
            assertEquals(new PeerState(ZooKeeperRole.LEADER, OptionalInt.of(1)), zk.state());
            try (ZooKeeper client = connect(connect)) {
                client.create("/persist", "kept".getBytes(StandardCharsets.UTF_8),
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                String config = new String(client.getConfig(false, null), StandardCharsets.UTF_8);
                assertTrue(config.contains(":participant;"), config);
            }
        }
        String zooCfg = Files.readString(dir.resolve("conf/zoo.cfg"));
        assertTrue(zooCfg.contains("reconfigEnabled=true"), zooCfg);
        assertTrue(zooCfg.contains("standaloneEnabled=false"), zooCfg);

        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir))) {
            assertEquals(connect, zk.connectString(), "restart reuses the ports ZooKeeper recorded");
            try (ZooKeeper client = connect(zk.connectString())) {
                assertArrayEquals("kept".getBytes(StandardCharsets.UTF_8), client.getData("/persist", false, null));
            }
        }
    }

    @Test
    void aCollectiveOfOneFollowsANewAddressAndPorts() throws Exception {
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir))) {
            try (ZooKeeper client = connect(zk.connectString())) {
                client.create("/persist", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
        }
        int[] ports = freePorts();
        ZooKeeperSettings moved = new ZooKeeperSettings(dir, 1, "127.0.0.2", 0, ports[0], ports[1], 1000, null);
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(moved);
             ZooKeeper client = connect(zk.connectString())) {
            String config = new String(client.getConfig(false, null), StandardCharsets.UTF_8);
            assertTrue(config.contains("server.1=127.0.0.2:" + ports[0] + ":" + ports[1] + ":participant"), config);
            assertTrue(client.exists("/persist", false) != null, "data kept");
        }
    }

    private static int[] freePorts() throws java.io.IOException {
        try (java.net.ServerSocket a = new java.net.ServerSocket(0); java.net.ServerSocket b = new java.net.ServerSocket(0)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(connected.await(20, TimeUnit.SECONDS), "client connected");
        return client;
    }
}
