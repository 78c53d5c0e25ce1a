package org.confluentcollective.server.deploy;

import static org.confluentcollective.server.database.DatabaseFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.confluentcollective.server.api.BootNode;
import org.confluentcollective.server.api.BootNode.BootInterface;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.database.DatabaseFixture;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.noderange.NodeRanges;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment view over a real single-member database. */
class DeploymentIndexTest {

    @TempDir
    Path dir;

    private final AtomicReference<Set<String>> live = new AtomicReference<>(Set.of("m1", "m2", "m3"));

    private DeploymentIndex view(NodeDatabase db, String self) {
        return new DeploymentIndex(db, self, live::get, new NodeRanges(AttributeCatalog.standard()));
    }

    @Test
    void findsNodesByAnyHwaddrOrUuidAndFollowsChanges() throws Exception {
        try (DatabaseFixture fixture = new DatabaseFixture(dir)) {
            NodeDatabase db = fixture.db();
            db.defineNodes("n1", text("net.hwaddr", "AA-BB-CC-00-00-01", "net.ipv4_address", "10.0.0.1/24",
                    "deployment.pendingprofile", "rocky9", "id.uuid", "4C4C4544-0000-1000-8000-000000000001"));
            db.defineNodes("n2", text("net.eth1.hwaddr", "aa:bb:cc:00:00:02", "net.eth1.ipv4_gateway", "10.0.0.254"));
            DeploymentIndex view = view(db, "m1");

            BootNode n1 = view.nodeByMac("aa:bb:cc:00:00:01").orElseThrow();
            assertEquals("n1", n1.name());
            assertEquals("rocky9", n1.pendingProfile());
            assertEquals(List.of(new BootInterface("", "aa:bb:cc:00:00:01", "10.0.0.1/24", null, null)),
                    n1.interfaces());
            assertEquals("n1", view.nodeByUuid("4c4c4544-0000-1000-8000-000000000001").orElseThrow().name());
            BootNode n2 = view.nodeByMac("AABB.CC00.0002").orElseThrow();
            assertEquals("n2", n2.name());
            assertEquals(null, n2.pendingProfile());
            assertEquals("10.0.0.254", n2.interfaces().get(0).ipv4Gateway());
            assertFalse(n1.plainBootRefused(), "deployment.useinsecureprotocols unset");
            assertEquals(Optional.empty(), view.nodeByMac("aa:bb:cc:00:00:03"));

            db.updateNodes(List.of("n1"), text("deployment.useinsecureprotocols", "never"));
            assertTrue(view.nodeByMac("aa:bb:cc:00:00:01").orElseThrow().plainBootRefused());
            db.updateNodes(List.of("n1"), text("deployment.useinsecureprotocols", "firmware"));
            assertFalse(view.nodeByMac("aa:bb:cc:00:00:01").orElseThrow().plainBootRefused());

            db.updateNodes(List.of("n2"), text("net.eth1.hwaddr", "aa:bb:cc:00:00:03"));
            assertEquals(Optional.empty(), view.nodeByMac("aa:bb:cc:00:00:02"), "the index follows a change");
            assertEquals("n2", view.nodeByMac("aa:bb:cc:00:00:03").orElseThrow().name());

            db.defineGroup("racks", text("net.bmc.hwaddr", "{node}"));
            db.defineGroup("lab", Map.of("net.lab.hwaddr", new AttributeInput.Expression("02:00:00:00:00:{n1:02x}")));
            db.updateNodes(List.of("n2"), Map.of("groups", new AttributeInput.Items(List.of("lab"))));
            assertEquals("n2", view.nodeByMac("02:00:00:00:00:02").orElseThrow().name(), "inherited expressions count");

            db.removeNodes(List.of("n1"));
            assertEquals(Optional.empty(), view.nodeByMac("aa:bb:cc:00:00:01"));
        }
    }

    @Test
    void exactlyOneMemberServesEachNode() throws Exception {
        try (DatabaseFixture fixture = new DatabaseFixture(dir)) {
            NodeDatabase db = fixture.db();
            db.defineNodes("managed", text("collective.manager", "m2", "collective.managercandidates", "m[1-3]"));
            db.defineNodes("outside", text("collective.manager", "m1", "collective.managercandidates", "m2,m3"));
            db.defineNodes("orphan", text("collective.manager", "m9", "collective.managercandidates", "m3,m2,m9"));
            db.defineNodes("free", Map.of());
            db.defineNodes("nolive", text("collective.managercandidates", "m7,m8"));
            Map<String, String> expected = Map.of("managed", "m2", "outside", "m2", "orphan", "m2", "free", "m1");
            for (String node : List.of("managed", "outside", "orphan", "free", "nolive")) {
                List<String> serving = live.get().stream().filter(m -> view(db, m).servesDeployment(node)).toList();
                assertEquals(expected.containsKey(node) ? List.of(expected.get(node)) : List.of(), serving, node);
            }
            live.set(Set.of("m1", "m3"));
            assertTrue(view(db, "m1").servesDeployment("managed"), "the manager's death moves it on");
            assertFalse(view(db, "m3").servesDeployment("managed"));
            assertFalse(view(db, "m1").servesDeployment("unknown"));
        }
    }

    @Test
    void keepsAnsweringWithoutQuorum() throws Exception {
        try (DatabaseFixture fixture = new DatabaseFixture(dir)) {
            fixture.db().defineNodes("n1", text("net.hwaddr", "aa:bb:cc:00:00:01", "collective.manager", "m1"));
            fixture.db().defineNodes("n2", Map.of());
            DeploymentIndex view = view(fixture.db(), "m1");
            fixture.stopZooKeeper();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (fixture.store().quorum().hasQuorum() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(fixture.store().quorum().hasQuorum());
            assertEquals("n1", view.nodeByMac("aa:bb:cc:00:00:01").orElseThrow().name());
            assertTrue(view.servesDeployment("n1"));
            RequestException refused = assertThrows(RequestException.class,
                    () -> view.assignHwaddr("n2", "aa:bb:cc:00:00:09"));
            assertEquals(RequestException.Kind.UNAVAILABLE, refused.kind());
        }
    }

    @Test
    void assignFillsTheFirstFreeSlotAndClaimsTheNode() throws Exception {
        try (DatabaseFixture fixture = new DatabaseFixture(dir)) {
            NodeDatabase db = fixture.db();
            db.defineNodes("plain", Map.of());
            db.defineNodes("named", text("net.eth0.hwaddr", "aa:bb:cc:00:00:10", "net.eth1.ipv4_address", "10.0.0.5",
                    "collective.manager", "m2"));
            DeploymentIndex view = view(db, "m1");

            assertEquals("net.hwaddr", view.assignHwaddr("plain", "AA:BB:CC:00:00:01"));
            assertEquals("net.eth1.hwaddr", view.assignHwaddr("named", "aa:bb:cc:00:00:02"));
            AttributeSelection read = new AttributeSelection(false, List.of("net.*hwaddr", "collective.manager"));
            assertEquals("aa:bb:cc:00:00:01", db.nodeAttributes("plain", read).get("net.hwaddr").value());
            assertEquals("m1", db.nodeAttributes("plain", read).get("collective.manager").value());
            assertEquals("m2", db.nodeAttributes("named", read).get("collective.manager").value(), "kept");
            assertEquals("plain", view.nodeByMac("aa:bb:cc:00:00:01").orElseThrow().name());

            assertEquals(RequestException.Kind.CONFLICT, assertThrows(RequestException.class,
                    () -> view.assignHwaddr("named", "aa:bb:cc:00:00:01")).kind(), "another node's MAC");
            assertEquals(RequestException.Kind.CONFLICT, assertThrows(RequestException.class,
                    () -> view.assignHwaddr("plain", "aa:bb:cc:00:00:05")).kind(), "no free slot");
            assertEquals(RequestException.Kind.NOT_FOUND, assertThrows(RequestException.class,
                    () -> view.assignHwaddr("nosuch", "aa:bb:cc:00:00:05")).kind());
        }
    }

    /** 100,000 nodes with MACs from an inherited expression: one rebuild, then map lookups. */
    @Test
    @Tag("slow")
    void aHundredThousandNodes() throws Exception {
        try (DatabaseFixture fixture = new DatabaseFixture(dir)) {
            NodeDatabase db = fixture.db();
            db.defineGroup("compute", Map.of("net.hwaddr", new AttributeInput.Expression("02:00:00:{n1:06x}")));
            db.defineNodes("n[1-100000]", Map.of("groups", new AttributeInput.Items(List.of("compute"))));
            DeploymentIndex view = view(db, "m1");
            long started = System.nanoTime();
            assertEquals("n100000", view.nodeByMac("02:00:00:01:86:a0").orElseThrow().name());
            long buildMillis = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            for (int i = 1; i <= 100_000; i += 7) {
                assertEquals("n" + i, view.nodeByMac(String.format("02:00:00:%02x:%02x:%02x",
                        i >> 16, (i >> 8) & 0xff, i & 0xff)).orElseThrow().name());
            }
            long lookupMicros = (System.nanoTime() - started) / 1000 / (100_000 / 7);
            System.out.printf("deployment index: 100,000 nodes built in %d ms, lookup %d us%n", buildMillis,
                    lookupMicros);
            assertTrue(buildMillis < 20_000, "build took " + buildMillis + " ms");
        }
    }
}
