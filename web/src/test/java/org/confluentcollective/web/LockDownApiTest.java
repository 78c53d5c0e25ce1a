package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.quorum.StaleReadMarker;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.ZooKeeperSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lock-down over HTTP, on the real stack with the member's ZooKeeper peer stopped and
 * started again: changes get 503 {@code no quorum}, reads are answered and marked stale, and
 * the member unlocks by itself.
 */
@Tag("slow")
class LockDownApiTest {

    @TempDir
    Path dir;

    @Test
    void withoutQuorumChangesAre503AndReadsAreMarkedStale() throws Exception {
        ZooKeeperSettings zkSettings = ZooKeeperSettings.loopback(dir.resolve("zookeeper"));
        EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(zkSettings);
        MemberIdentity identity = MemberIdentity.loadOrCreate(dir.resolve("state"), "m1", List.of(), List.of());
        char[] password = "pw".toCharArray();
        try (MemberStore store = MemberStore.open(MemberStoreSettings.of(zk.connectString(), dir.resolve("state"))
                     .withPasswordIterations(1_000));
             ApiServer server = ApiServer.start(
                     new ApiServerSettings("127.0.0.1", 0, dir.resolve("run/api.sock"),
                             new TlsIdentity(identity.keyStore(password), password)),
                     TestApplications.of(store.nodes(), store.users(), store.quorum(), store.collective(), new RefusingAdministration()));
             ApiClient api = ApiClient.socket(server.socketPath())) {
            assertEquals(201, api.post("/nodes/", "{\"name\":\"n1\",\"location.rack\":\"1\"}").status());
            assertNull(api.get("/nodes/n1/attributes/current").headers().get(StaleReadMarker.HEADER));
            assertEquals(200, api.get("/nodes/n1/attributes/current?consistent=true").status());

            zk.close();
            await(() -> !store.quorum().hasQuorum());
            ApiClient.Answer refused = api.put("/nodes/n1/attributes/current", "{\"location.rack\":\"2\"}");
            assertEquals(503, refused.status());
            assertEquals("no quorum", ApiClient.JSON.readTree(refused.text()).get("error").asText());
            ApiClient.Answer stale = api.get("/nodes/n1/attributes/current");
            assertEquals(200, stale.status());
            assertEquals("true", stale.headers().get(StaleReadMarker.HEADER));
            assertTrue(stale.text().contains("\"value\":\"1\""), stale.text());
            assertEquals(503, api.get("/nodes/n1/attributes/current?consistent=true").status(),
                    "a consistent read cannot be served from a stale copy");

            zk = EmbeddedZooKeeper.start(zkSettings);
            await(() -> store.quorum().hasQuorum());
            assertEquals(200, api.put("/nodes/n1/attributes/current", "{\"location.rack\":\"2\"}").status());
            ApiClient.Answer fresh = api.get("/nodes/n1/attributes/current");
            assertNull(fresh.headers().get(StaleReadMarker.HEADER));
            assertTrue(fresh.text().contains("\"value\":\"2\""), fresh.text());
        } finally {
            zk.close();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
