package org.confluentcollective.server.database;

import static org.confluentcollective.server.database.DatabaseFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.secrets.CollectiveKey;
import org.confluentcollective.server.secrets.SecretCipher;
import org.confluentcollective.server.users.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZooKeeper re-registers a persistent watch after a reconnect without replaying what changed
 * meanwhile: a member whose client was away must catch up by itself. A real three-voter
 * ensemble; the member's client reaches it through a proxy that the test cuts and then points
 * at another server.
 */
class ReconnectCatchUpTest {

    @TempDir
    Path dir;

    @Test
    void aClientAwayWhileOthersWriteHasEveryChangeOnceReconnectedToAnotherServer() throws Exception {
        try (LocalEnsemble ensemble = new LocalEnsemble(dir, 3);
             TcpProxy proxy = new TcpProxy(ensemble.clientPort(0));
             CuratorFramework awayClient = client(proxy.connectString(), 20_000);
             CuratorFramework writerClient = client(ensemble.connectString(2), 20_000);
             ZkDatabase writer = open(writerClient); ZkDatabase away = open(awayClient)) {
            writer.nodes().defineNodes("n[1-40]", text("location.rack", "1"));
            writer.nodes().defineGroup("g1", text("location.room", "a"));
            writer.nodes().defineGroup("g2", Map.of());
            await(() -> away.nodes().nodeExists("n40") && away.nodes().groupExists("g2"));

            proxy.cut();
            await(() -> !away.quorum().hasQuorum());
            writer.nodes().updateNodes(List.of("n1", "n2"), text("location.rack", "7"));
            writer.nodes().removeNodes(List.of("n3", "n4"));
            writer.nodes().defineNodes("n[41-45]", text("location.rack", "9"));
            writer.nodes().updateGroup("g1", text("location.room", "b"));
            writer.nodes().removeGroup("g2");
            writer.nodes().defineGroup("g3", Map.of());
            assertTrue(away.nodes().nodeExists("n3"), "the away member cannot have seen the delete yet");

            proxy.resume(ensemble.clientPort(1));
            await(() -> away.quorum().hasQuorum());
            // Nothing was written since: whatever the away member holds now came from catching up.
            assertEquals(dump(writer), dump(away));
            assertFalse(away.nodes().nodeExists("n3"));
            assertEquals(List.of("everything", "g1", "g3"), away.nodes().groups().stream().sorted().toList());
            assertEquals("7", value(away.nodes().nodeAttributes("n1", selection("location.rack"))));
            assertEquals("b", value(away.nodes().groupAttributes("g1", selection("location.room"))));

            // And it follows changes made after the reconnection.
            writer.nodes().updateNodes(List.of("n45"), text("location.rack", "10"));
            await(() -> "10".equals(value(away.nodes().nodeAttributes("n45", selection("location.rack")))));
        }
    }

    @Test
    void aConsistentReadOnAnotherServerSeesEveryWriteAcknowledgedBeforeIt() throws Exception {
        try (LocalEnsemble ensemble = new LocalEnsemble(dir, 3);
             CuratorFramework readerClient = client(ensemble.connectString(0), 20_000);
             CuratorFramework writerClient = client(ensemble.connectString(2), 20_000);
             ZkDatabase writer = open(writerClient); ZkDatabase reader = open(readerClient)) {
            writer.nodes().defineNodes("n1", Map.of());
            for (int i = 0; i < 50; i++) {
                writer.nodes().updateNodes(List.of("n1"), text("location.rack", Integer.toString(i)));
                if (i % 2 == 0) {
                    writer.nodes().defineNodes("m" + i, Map.of());
                }
                reader.nodes().awaitCurrent();
                assertEquals(Integer.toString(i), value(reader.nodes().nodeAttributes("n1", selection("location.rack"))));
                assertEquals(i % 2 == 0, reader.nodes().nodeExists("m" + i));
            }
        }
    }

    @Test
    void aChangeWhoseAnswerIsLostIsReportedAsOfUnknownOutcomeNotAsRefused() throws Exception {
        try (LocalEnsemble ensemble = new LocalEnsemble(dir, 3);
             TcpProxy proxy = new TcpProxy(ensemble.clientPort(0));
             CuratorFramework client = client(proxy.connectString(), 6_000);
             ZkDatabase member = open(client)) {
            member.nodes().defineNodes("n1", Map.of());

            proxy.dropReplies();
            RequestException unknown = assertThrows(RequestException.class,
                    () -> member.nodes().updateNodes(List.of("n1"), text("location.rack", "5")));
            assertEquals(RequestException.Kind.OUTCOME_UNKNOWN, unknown.kind(), unknown.getMessage());
            assertTrue(unknown.getMessage().contains("?consistent=true"), unknown.getMessage());

            // Locked down now: a change is refused before anything is sent.
            RequestException refused = assertThrows(RequestException.class,
                    () -> member.nodes().updateNodes(List.of("n1"), text("location.rack", "6")));
            assertEquals(RequestException.Kind.UNAVAILABLE, refused.kind());

            proxy.resume(ensemble.clientPort(1));
            await(() -> member.quorum().hasQuorum());
            member.nodes().awaitCurrent();
            // The change whose answer was lost had been committed; the refused one had not.
            assertEquals("5", value(member.nodes().nodeAttributes("n1", selection("location.rack"))));
        }
    }

    private static AttributeSelection selection(String attribute) {
        return new AttributeSelection(false, List.of(attribute));
    }

    private static String value(SortedMap<String, AttributeView> views) {
        AttributeView view = views.values().stream().findFirst().orElse(null);
        return view == null ? null : view.value();
    }

    private static SortedMap<String, String> dump(ZkDatabase db) {
        SortedMap<String, String> all = new TreeMap<>();
        AttributeSelection everything = new AttributeSelection(false, List.of());
        for (String node : db.nodes().nodes()) {
            all.put("node " + node, db.nodes().nodeAttributes(node, everything).toString());
        }
        for (String group : db.nodes().groups()) {
            all.put("group " + group, db.nodes().groupAttributes(group, everything).toString());
        }
        return all;
    }

    private ZkDatabase open(CuratorFramework client) throws Exception {
        return ZkDatabase.open(client, ZnodeLayout.standard(), AttributeCatalog.standard(),
                new SecretCipher(CollectiveKey.loadOrCreate(dir.resolve("state"))), new PasswordHasher(1_000));
    }

    private static CuratorFramework client(String connectString, int sessionMillis) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder().connectString(connectString)
                .sessionTimeoutMs(sessionMillis).connectionTimeoutMs(sessionMillis)
                .retryPolicy(new RetryOneTime(100)).build();
        client.start();
        assertTrue(client.blockUntilConnected(30, TimeUnit.SECONDS));
        return client;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 30 s");
            }
            Thread.sleep(20);
        }
    }
}
