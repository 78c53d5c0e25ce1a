package org.confluentcollective.server.database;

import static org.confluentcollective.server.database.DatabaseFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.secrets.CollectiveKey;
import org.confluentcollective.server.secrets.SecretCipher;
import org.confluentcollective.server.users.PasswordHasher;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.ZooKeeperSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member whose ZooKeeper session expires reloads and sees what changed meanwhile. */
class SessionExpiryTest {

    @TempDir
    Path dir;

    @Test
    void aReplacedSessionReloadsTheCopy() throws Exception {
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir.resolve("zk")));
             CuratorFramework writerClient = client(zk); CuratorFramework readerClient = client(zk);
             ZkDatabase writer = open(writerClient); ZkDatabase reader = open(readerClient)) {
            writer.nodes().defineNodes("n1,n2", Map.of());
            await(() -> reader.nodes().nodeExists("n2"));

            readerClient.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
            writer.nodes().updateNodes(List.of("n1"), text("location.rack", "5"));
            writer.nodes().removeNodes(List.of("n2"));
            writer.nodes().defineNodes("n3", Map.of());

            await(() -> reader.nodes().nodeExists("n3") && !reader.nodes().nodeExists("n2"));
            assertEquals(List.of("n1", "n3"), reader.nodes().nodes());
            await(() -> "5".equals(rack(reader)));
            assertEquals("5", rack(reader));
            // And it keeps following changes with the new session.
            writer.nodes().updateNodes(List.of("n1"), text("location.rack", "6"));
            await(() -> "6".equals(rack(reader)));
            assertEquals("6", rack(reader));
            assertFalse(reader.nodes().nodeExists("n2"));
        }
    }

    private static String rack(ZkDatabase db) {
        var view = db.nodes().nodeAttributes("n1", new AttributeSelection(false, List.of("location.rack")))
                .get("location.rack");
        return view == null ? null : view.value();
    }

    private ZkDatabase open(CuratorFramework client) throws Exception {
        return ZkDatabase.open(client, ZnodeLayout.standard(), AttributeCatalog.standard(),
                new SecretCipher(CollectiveKey.loadOrCreate(dir.resolve("state"))), new PasswordHasher(1_000));
    }

    private static CuratorFramework client(EmbeddedZooKeeper zk) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder().connectString(zk.connectString())
                .sessionTimeoutMs(4_000).connectionTimeoutMs(4_000).retryPolicy(new RetryOneTime(100)).build();
        client.start();
        assertTrue(client.blockUntilConnected(20, TimeUnit.SECONDS));
        return client;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
