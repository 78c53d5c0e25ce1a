package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import java.util.List;
import org.confluentcollective.testkit.MemberProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collective grown by invite and join, each member a real confluentd process: 1 → 3 → 5
 * voters, then two more members that become observers. Data written on any member is read on
 * every member, and every member shows the same collective.
 */
@Tag("slow")
class CollectiveGrowthTest {

    @RegisterExtension
    final Cluster cluster = new Cluster();

    @Test
    void growsToFiveVotersAndTwoObservers() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        m1.ok("nodegroupdefine", "compute");
        m1.ok("nodedefine", "n1", "groups=compute", "location.rack=1");
        List<MemberProcess> three = cluster.form(m1, "m2", "m3");
        cluster.assertAgree(3, 0);
        // Written before the others joined, read on a joiner; written on a joiner, read everywhere.
        assertEquals("n1: location.rack: 1\n", three.get(2).ok("nodeattrib", "n1", "location.rack").out());
        three.get(1).ok("nodedefine", "n2", "groups=compute", "location.rack=2");
        cluster.awaitEverywhere("n2: location.rack: 2\n", "nodeattrib", "n2", "location.rack");

        cluster.form(three.get(2), "m4", "m5");
        cluster.assertAgree(5, 0);
        List<MemberProcess> observers = cluster.form(cluster.members().get(3), "m6", "m7");
        cluster.assertAgree(5, 2);

        observers.get(2).ok("nodeattrib", "n1", "location.rack=9");
        cluster.awaitEverywhere("n1: location.rack: 9\n", "nodeattrib", "n1", "location.rack");
        cluster.awaitDumps(m1.dump());

        // The collective key came with each join: a secret sealed on one member opens on every member.
        String key = Files.readString(m1.dir.resolve("state/collective.key"));
        for (MemberProcess member : cluster.members()) {
            assertEquals(key, Files.readString(member.dir.resolve("state/collective.key")), member.name);
        }
        assertZooKeeperShellSettingsWork(observers.get(1));

        // Deleting a voter gives its vote to an observer.
        MemberProcess m5 = cluster.members().get(4);
        m1.ok("collective", "delete", m5.name);
        cluster.drop(m5);
        cluster.assertAgree(5, 1);
    }

    /** {@code zk shell}'s settings reach the member's TLS-only client port with its credentials. */
    private static void assertZooKeeperShellSettingsWork(MemberProcess member) throws Exception {
        JsonNode shell = new ObjectMapper().readTree(member.ok("zk", "shell", "-o", "json").out());
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(shell.path("connect").asText(), 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, new ZKClientConfig(shell.path("clientconfiguration").asText()));
        try {
            assertTrue(connected.await(30, TimeUnit.SECONDS), "zk shell settings did not connect");
            List<String> registered = zk.getChildren("/confluent/v1/collective/members", false);
            assertEquals(7, registered.size(), registered.toString());
        } finally {
            zk.close();
        }
    }
}
