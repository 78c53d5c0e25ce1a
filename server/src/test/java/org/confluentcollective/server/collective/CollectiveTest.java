package org.confluentcollective.server.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.database.ZnodeLayout;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.CollectiveStatus;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.api.MemberStatus;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.ZooKeeperRole;
import org.confluentcollective.zk.ZooKeeperSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectiveTest {

    @TempDir
    Path dir;

    @Test
    void showsMembersLivenessLeaderQuorumAndManagedNodes() throws Exception {
        ZooKeeperSettings zkSettings = ZooKeeperSettings.loopback(dir.resolve("zk"));
        EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(zkSettings);
        try (MemberStore m1 = open(zk, "m1", 1)) {
            await(() -> "m1".equals(m1.collective().status().leader()));
            CollectiveStatus alone = m1.collective().status();
            assertEquals(new CollectiveStatus(true, "m1",
                    List.of(new MemberStatus("m1", MemberRole.VOTER, "127.0.0.1", "0.1.0", true, 0, ZooKeeperRole.LEADER))),
                    alone);

            m1.nodes().defineNodes("n[1-3]", Map.of("collective.manager", new AttributeInput.Text("m1")));
            // Both stores use the one peer; m2 stands for a member without a server of its own.
            try (MemberStore m2 = open(zk, "m2", 0)) {
                CollectiveStatus two = m2.collective().status();
                assertEquals("m1", two.leader(), "the first member stays leader");
                assertEquals(List.of(
                        new MemberStatus("m1", MemberRole.VOTER, "127.0.0.1", "0.1.0", true, 3, ZooKeeperRole.LEADER),
                        new MemberStatus("m2", MemberRole.VOTER, "127.0.0.1", "0.1.0", true, 0, ZooKeeperRole.LEADER)),
                        two.members(), "m1 runs the peer, which leads its one-peer ensemble; m2 reports its peer's role");
            }
            await(() -> !m1.collective().status().members().get(1).live());
            MemberStatus closed = m1.collective().status().members().get(1);
            assertFalse(closed.live(), "a closed member is no longer live");
            assertEquals(ZooKeeperRole.UNREACHABLE, closed.zooKeeper());

            zk.close();
            await(() -> !m1.quorum().hasQuorum());
            CollectiveStatus lockedDown = m1.collective().status();
            assertFalse(lockedDown.quorum());
            assertNull(lockedDown.leader());
            assertEquals(List.of("m1", "m2"), lockedDown.members().stream().map(MemberStatus::name).toList(),
                    "still answers with the members it last saw");
            assertEquals(ZooKeeperRole.LOOKING, lockedDown.members().get(0).zooKeeper(),
                    "its own role comes from its peer, without a quorum too");
        } finally {
            zk.close();
        }
    }

    @Test
    void answersWithinItsWaitWhenZooKeeperGoesWhileTheQuorumStillLooksPresent() throws Exception {
        EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir.resolve("zk")));
        try (MemberStore m1 = open(zk, "m1", 1);
             CuratorFramework curator = CuratorFrameworkFactory.builder().connectString(zk.connectString())
                     .sessionTimeoutMs(10_000).retryPolicy(new ExponentialBackoffRetry(200, 10, 5_000)).build()) {
            await(() -> "m1".equals(m1.collective().status().leader()));
            curator.start();
            CollectivePaths paths = CollectivePaths.under(ZnodeLayout.standard().root());
            // The quorum flag lags behind a lost connection by a moment; here it never catches up.
            Collective lagging = new Collective(curator, paths, new MemberInfo("m9", "127.0.0.1", MemberRole.VOTER,
                    "sha256:00", "0.1.0", 0, 0, 0), () -> true, m1.nodes(), zk::state,
                    new MemberDirectory(curator, paths, "m9"));
            assertTrue(lagging.status().quorum(), "answered from ZooKeeper while it runs");

            zk.close();
            long start = System.nanoTime();
            CollectiveStatus answer = lagging.status();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertFalse(answer.quorum(), "the last state seen, marked without a quorum");
            assertTrue(took.compareTo(Collective.STATUS_WAIT.plusSeconds(2)) < 0,
                    "answered in " + took + ", not after Curator's retries");
            lagging.close();
        } finally {
            zk.close();
        }
    }

    private MemberStore open(EmbeddedZooKeeper zk, String name, int serverId) throws Exception {
        return MemberStore.open(MemberStoreSettings.of(zk.connectString(), dir.resolve(name))
                .withMember(new MemberInfo(name, "127.0.0.1", MemberRole.VOTER, "sha256:00", "0.1.0", serverId, 0, 0))
                .withPasswordIterations(1_000)
                .withZooKeeperPeer(zk::state));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
