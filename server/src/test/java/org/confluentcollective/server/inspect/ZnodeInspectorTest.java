package org.confluentcollective.server.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.Znode;
import org.confluentcollective.server.api.ZnodeStat;
import org.confluentcollective.server.api.ZnodeTree;
import org.confluentcollective.server.database.ZnodeLayout;
import org.confluentcollective.server.api.Role;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.ZooKeeperSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Reads of a real database in a real embedded ZooKeeper, as an administrator debugging it would do them. */
class ZnodeInspectorTest {

    private static final ZnodeLayout LAYOUT = ZnodeLayout.standard();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static EmbeddedZooKeeper zk;
    private static MemberStore store;
    private static CuratorFramework curator;
    private static ZnodeInspector inspector;

    @BeforeAll
    static void start() throws Exception {
        zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir.resolve("zookeeper")));
        store = MemberStore.open(MemberStoreSettings.of(zk.connectString(), dir.resolve("state"))
                .withPasswordIterations(1_000));
        curator = CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100));
        curator.start();
        inspector = new ZnodeInspector(curator);
    }

    @AfterAll
    static void stop() {
        if (curator != null) {
            curator.close();
        }
        if (store != null) {
            store.close();
        }
        if (zk != null) {
            zk.close();
        }
    }

    private static Map<String, AttributeInput> text(String name, String value) {
        return Map.of(name, new AttributeInput.Text(value));
    }

    private static String create(String path, String data) throws Exception {
        return create(path, data.getBytes(StandardCharsets.UTF_8));
    }

    private static String create(String path, byte[] data) throws Exception {
        curator.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT).forPath(path, data);
        return path;
    }

    @Test
    void aNodesSecretAndHashesAreMaskedAndTheRestOfItsRecordIsKept() throws Exception {
        store.nodes().defineNodes("sn1", text("location.rack", "7"));
        store.nodes().updateNodes(List.of("sn1"), Map.of(
                "bmcpass", new AttributeInput.Text("Sup3rS3cret!"),
                "crypted.rootpassword", new AttributeInput.Text("RootPa55word")));

        Znode znode = inspector.get(LAYOUT.nodePath("sn1"));

        String data = znode.data();
        assertFalse(data.contains("Sup3rS3cret!"), data);
        assertFalse(data.contains("RootPa55word"), data);
        assertFalse(data.contains("aes256gcm:"), data);
        assertFalse(data.contains("$6$"), data);
        assertFalse(data.contains("grub.pbkdf2"), data);
        assertTrue(data.contains(SecretMasker.MASK), data);
        JsonNode record = JSON.readTree(data);
        JsonNode attributes = record.path("attributes");
        assertEquals(SecretMasker.MASK,
                attributes.path("secret.hardwaremanagementpassword").path("cryptvalue").asText(), data);
        assertEquals(SecretMasker.MASK, attributes.path("crypted.rootpassword").path("hashvalue").asText(), data);
        assertEquals(SecretMasker.MASK, attributes.path("crypted.rootpassword").path("grubhashvalue").asText(), data);
        assertEquals("7", attributes.path("location.rack").path("value").asText(), "plain values stay: " + data);
        assertEquals("everything", record.path("groups").path(0).asText(), "structure stays: " + data);
        assertEquals(LAYOUT.nodePath("sn1"), znode.path());
        assertTrue(znode.stat().dataLength() > 0);
    }

    @Test
    void aUsersPasswordHashIsMaskedAndItsRoleShown() throws Exception {
        store.users().addUser("alice", Role.OPERATOR, "alicepw".toCharArray());

        String data = inspector.get(LAYOUT.userPath("alice")).data();

        assertFalse(data.contains("pbkdf2"), data);
        assertEquals("{\"role\":\"operator\",\"passwordHash\":\"" + SecretMasker.MASK + "\"}", data);
    }

    @Test
    void sensitiveFieldNamesMaskEverythingBelowThemAndSecretLookingValuesAnywhere() throws Exception {
        String invite = create("/scratch/mask/invites/mgmt2",
                "{\"verifier\":\"q83vEjRWeJA=\",\"expiresMillis\":1700000000000,\"invitedBy\":\"mgmt1\"}");
        String nested = create("/scratch/mask/nested", """
                {"collectiveKey":"AAECAw==","auth":{"Token":42,"apiTokens":["t1","t2"],"enabled":true,"note":null},
                 "secret.ipmikg":{"value":"clear-but-secret"},"list":["$2b$10$abc","grub.pbkdf2.sha512.1.AB.CD","ok"],
                 "note":"sealed aes256gcm:v1:aXY=:Ym9keQ== inside","float":1.50}""");

        assertEquals("{\"verifier\":\"********\",\"expiresMillis\":1700000000000,\"invitedBy\":\"mgmt1\"}",
                inspector.get(invite).data());
        assertEquals("{\"collectiveKey\":\"********\",\"auth\":{\"Token\":\"********\","
                + "\"apiTokens\":[\"********\",\"********\"],\"enabled\":true,\"note\":null},"
                + "\"secret.ipmikg\":{\"value\":\"********\"},\"list\":[\"********\",\"********\",\"ok\"],"
                + "\"note\":\"sealed ******** inside\",\"float\":1.50}", inspector.get(nested).data());
    }

    @Test
    void dataThatIsNotJsonIsTextOrBase64AndStillMasked() throws Exception {
        String plain = create("/scratch/text/plain", "hello world\nline two");
        String sealed = create("/scratch/text/sealed", "v=aes256gcm:v1:aXY=:Ym9keQ== rest");
        String properties = create("/scratch/text/properties", "user=bob\nbmc.password = hunter 2\n{\"token\": \"x y\"");
        String binary = create("/scratch/text/binary", concat(new byte[] {0, 1, (byte) 0xff},
                "aes256gcm:v1:aXY=:Ym9keQ==".getBytes(StandardCharsets.US_ASCII), new byte[] {2}));
        String namedSecret = create("/scratch/text/collective-key", "AAECAwQFBgc=");
        String empty = create("/scratch/text/empty", new byte[0]);
        curator.create().forPath("/scratch/text/null", null);

        assertEquals("hello world\nline two", inspector.get(plain).data());
        assertEquals("v=******** rest", inspector.get(sealed).data());
        assertEquals("user=bob\nbmc.password = ********\n{\"token\": \"********\"", inspector.get(properties).data());
        String shown = inspector.get(binary).data();
        assertTrue(shown.startsWith("base64:"), shown);
        byte[] decoded = Base64.getDecoder().decode(shown.substring("base64:".length()));
        assertEquals("\0\1\u00ff********\2", new String(decoded, StandardCharsets.ISO_8859_1), shown);
        assertEquals(SecretMasker.MASK, inspector.get(namedSecret).data(), "a znode named like a secret is masked whole");
        assertEquals("", inspector.get(empty).data());
        assertNull(inspector.get("/scratch/text/null").data());
    }

    @Test
    void listsTheDatabaseRootAndSortsChildrenNaturally() throws Exception {
        for (String name : List.of("n10", "n2", "n1", "N3")) {
            create("/scratch/order/" + name, "");
        }

        assertEquals(List.of("collective", "counters", "groups", "nodes", "users"), inspector.children(LAYOUT.root()));
        assertEquals(List.of("n1", "n2", "N3", "n10"), inspector.children("/scratch/order"));
        assertTrue(inspector.children("/").containsAll(List.of("confluent", "scratch", "zookeeper")),
                inspector.children("/").toString());
    }

    @Test
    void zooKeepersOwnZnodesCanBeRead() {
        assertTrue(inspector.children("/zookeeper").containsAll(List.of("config", "quota")));
        assertTrue(inspector.get("/zookeeper/config").data().contains("server.1="),
                inspector.get("/zookeeper/config").data());
        inspector.stat("/zookeeper/quota");
    }

    @Test
    void statCountsDataAndChildChanges() {
        store.nodes().defineNodes("st1", text("location.rack", "1"));
        String path = LAYOUT.nodePath("st1");
        ZnodeStat before = inspector.stat(path);
        ZnodeStat usersBefore = inspector.stat(LAYOUT.usersPath());

        store.nodes().updateNodes(List.of("st1"), text("location.rack", "2"));
        store.users().addUser("bob", Role.MONITOR, "bobpw".toCharArray());

        ZnodeStat after = inspector.stat(path);
        assertEquals(before.version() + 1, after.version());
        assertEquals(before.czxid(), after.czxid());
        assertTrue(after.mzxid() > before.mzxid());
        assertTrue(after.mtime() >= before.mtime());
        assertEquals(0, after.ephemeralOwner());
        assertEquals(0, after.numChildren());
        ZnodeStat usersAfter = inspector.stat(LAYOUT.usersPath());
        assertEquals(usersBefore.cversion() + 1, usersAfter.cversion());
        assertEquals(usersBefore.numChildren() + 1, usersAfter.numChildren());
        assertTrue(usersAfter.pzxid() > usersBefore.pzxid());
        assertEquals(after, inspector.get(path).stat());
    }

    @Test
    void withoutZooKeeperAReadIsUnavailableAtOnce(@TempDir Path own) throws Exception {
        EmbeddedZooKeeper gone = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(own.resolve("zookeeper")));
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(gone.connectString(),
                new org.apache.curator.retry.ExponentialBackoffRetry(200, 10, 5_000))) {
            client.start();
            assertTrue(client.blockUntilConnected(20, java.util.concurrent.TimeUnit.SECONDS));
            ZnodeInspector disconnected = new ZnodeInspector(client);
            disconnected.stat("/");
            gone.close();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (client.getZookeeperClient().isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            RequestException e = assertThrows(RequestException.class, () -> disconnected.children("/"));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(RequestException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
            assertTrue(tookMillis < 5_000, "answered in " + tookMillis + " ms (a 2 s wait for the connection), "
                    + "not after Curator's retries");
        } finally {
            gone.close();
        }
    }

    @Test
    void aMissingZnodeIsNotFoundNamingThePath() {
        for (Executable read : List.<Executable>of(
                () -> inspector.get("/confluent/v1/nosuch"),
                () -> inspector.stat("/confluent/v1/nosuch"),
                () -> inspector.children("/confluent/v1/nosuch"),
                () -> inspector.tree("/confluent/v1/nosuch", 10))) {
            RequestException e = assertThrows(RequestException.class, read);
            assertEquals(RequestException.Kind.NOT_FOUND, e.kind());
            assertTrue(e.getMessage().contains("/confluent/v1/nosuch"), e.getMessage());
        }
    }

    @Test
    void badPathsAreBadRequests() {
        List<String> bad = new ArrayList<>(List.of("", "confluent", "/confluent/", "//", "/confluent//v1",
                "/confluent/./v1", "/confluent/..", "/.", "/a\u0000b"));
        bad.add(null);
        for (String path : bad) {
            for (Executable read : List.<Executable>of(() -> inspector.get(path), () -> inspector.stat(path),
                    () -> inspector.children(path), () -> inspector.tree(path, 10))) {
                RequestException e = assertThrows(RequestException.class, read, "path " + path);
                assertEquals(RequestException.Kind.BAD_REQUEST, e.kind(), e.getMessage());
            }
        }
        RequestException e = assertThrows(RequestException.class, () -> inspector.get("/confluent/"));
        assertTrue(e.getMessage().contains("'/confluent/'"), e.getMessage());
        inspector.stat("/");
        assertEquals(RequestException.Kind.NOT_FOUND,
                assertThrows(RequestException.class, () -> inspector.stat("/confluent/v1/..x")).kind(),
                "'..x' is a name like any other");
    }

    @Test
    void treeListsDepthFirstAndStopsAtTheLimit() throws Exception {
        for (String leaf : List.of("a/x", "a/y", "b", "c/z")) {
            create("/scratch/tree/" + leaf, "");
        }
        List<String> all = List.of("/scratch/tree", "/scratch/tree/a", "/scratch/tree/a/x", "/scratch/tree/a/y",
                "/scratch/tree/b", "/scratch/tree/c", "/scratch/tree/c/z");

        assertEquals(new ZnodeTree("/scratch/tree", all, false), inspector.tree("/scratch/tree", 100));
        assertEquals(new ZnodeTree("/scratch/tree", all, false), inspector.tree("/scratch/tree", all.size()));
        assertEquals(new ZnodeTree("/scratch/tree", all.subList(0, 4), true), inspector.tree("/scratch/tree", 4));
        assertEquals(new ZnodeTree("/scratch/tree", all.subList(0, 6), true), inspector.tree("/scratch/tree", 6));
        assertEquals(new ZnodeTree("/scratch/tree/b", List.of("/scratch/tree/b"), false),
                inspector.tree("/scratch/tree/b", 1));
        ZnodeTree root = inspector.tree("/", 3);
        assertEquals(List.of("/", "/confluent", "/confluent/v1"), root.paths());
        assertTrue(root.truncated());
        ZnodeTree nodes = inspector.tree(LAYOUT.nodesPath(), 50);
        assertEquals(50, nodes.paths().size(), "256 buckets below: stops at the limit");
        assertTrue(nodes.truncated());

        for (int limit : List.of(0, -1, ZnodeInspector.MAX_TREE_ENTRIES + 1)) {
            RequestException e = assertThrows(RequestException.class, () -> inspector.tree("/scratch/tree", limit));
            assertEquals(RequestException.Kind.BAD_REQUEST, e.kind());
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
