package org.confluentcollective.server.database;

import static org.confluentcollective.server.database.DatabaseFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZkNodeDatabaseTest {

    @TempDir
    Path dir;

    private DatabaseFixture fixture;
    private NodeDatabase db;

    @BeforeEach
    void start() throws Exception {
        fixture = new DatabaseFixture(dir);
        db = fixture.db();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private AttributeView attr(String node, String name) {
        return db.nodeAttributes(node, new AttributeSelection(false, List.of(name))).get(name);
    }

    @Test
    void definesNodesFromANoderangeInEverythingWithDistinctIndexes() {
        assertEquals(List.of("everything"), db.groups(), "a fresh database has the everything group");
        List<String> created = db.defineNodes("r1u[01-03]", text("location.rack", "1")).names();
        assertEquals(List.of("r1u01", "r1u02", "r1u03"), created);
        assertEquals(created, db.nodes());
        assertEquals(List.of("everything"), attr("r1u02", "groups").items());
        assertEquals("1", attr("r1u03", "location.rack").value());
        long distinct = created.stream().map(n -> attr(n, "id.index").value()).distinct().count();
        assertEquals(3, distinct);
        RequestException again = assertThrows(RequestException.class, () -> db.defineNodes("r1u02", Map.of()));
        assertEquals(RequestException.Kind.CONFLICT, again.kind());
    }

    @Test
    void aConditionalUpdateAppliesOnlyWhileTheValuesAreAsExpected() {
        db.defineNodes("n1", text("info.note", "once"));
        db.defineGroup("rack1", text("location.rack", "1"));
        db.updateNodes(List.of("n1"), text("groups", "rack1"));

        assertFalse(db.updateNodeIf("n1", Map.of("info.note", "continuous"), text("location.row", "a")));
        assertNull(attr("n1", "location.row"), "not applied when the value differs");

        Map<String, String> expected = new HashMap<>();
        expected.put("info.note", "once");
        expected.put("location.rack", "1");  // inherited from rack1
        expected.put("location.room", null); // unset
        assertTrue(db.updateNodeIf("n1", expected, Map.of("info.note", new AttributeInput.Clear(),
                "location.row", new AttributeInput.Value("a"))));
        assertNull(attr("n1", "info.note"));
        assertEquals("a", attr("n1", "location.row").value());

        assertFalse(db.updateNodeIf("n1", expected, text("location.row", "b")), "the first change used it up");
        assertEquals("a", attr("n1", "location.row").value());
        assertThrows(RequestException.class, () -> db.updateNodeIf("nosuch", Map.of(), Map.of()));

        db.defineNodes("m[1-3]", text("collective.manager", "a"));
        db.updateNodes(List.of("m2"), text("collective.manager", "b"));
        assertEquals(List.of("m1", "m3"), db.updateNodesIf(List.of("m1", "m2", "m3"),
                Map.of("collective.manager", "a"), text("collective.manager", "c")), "per node, in one change");
        assertEquals("b", attr("m2", "collective.manager").value());
        assertEquals("c", attr("m3", "collective.manager").value());

        db.updateNodes(List.of("m1"), text("info.note", ""));
        Map<String, String> unset = new HashMap<>();
        unset.put("info.note", null);
        assertTrue(db.updateNodeIf("m1", unset, text("info.note", "x")), "an empty value counts as unset");
    }

    @Test
    void setsClearsRenamesAndRemovesNodes() {
        db.defineNodes("n1,n2", Map.of());
        db.updateNodes(List.of("n1", "n2"), text("location.rack", "7", "info.note", "spare"));
        assertEquals("7", attr("n2", "location.rack").value());

        Map<String, List<String>> warnings = db.updateNodes(List.of("n1"),
                Map.of("info.note", new AttributeInput.Clear()));
        assertNull(attr("n1", "info.note"));
        assertEquals("spare", attr("n2", "info.note").value());
        assertTrue(warnings.isEmpty(), warnings.toString());

        Map<String, List<String>> unset = db.updateNodes(List.of("n1"), Map.of("info.note", new AttributeInput.Clear()));
        assertEquals(List.of("info.note is not set"), unset.get("n1"));

        assertEquals(Map.of("n2", "n20"), db.renameNodes(List.of("n2"), "n20"));
        assertEquals(List.of("n1", "n20"), db.nodes());
        assertEquals("7", attr("n20", "location.rack").value());

        db.removeNodes(List.of("n1"));
        assertEquals(List.of("n20"), db.nodes());
        assertEquals(RequestException.Kind.NOT_FOUND,
                assertThrows(RequestException.class, () -> db.nodeAttributes("n1", AttributeSelection.current())).kind());
    }

    @Test
    void nodeValuesBeatGroupsAndTheFirstGroupWins() {
        db.defineGroup("rack1", text("location.rack", "1", "console.method", "ipmi"));
        db.defineGroup("compute", text("location.rack", "99", "hardwaremanagement.method", "redfish"));
        db.updateGroup("everything", text("console.logging", "full", "location.rack", "0"));
        db.defineNodes("r1u01,r1u02", Map.of("groups", new AttributeInput.Items(List.of("rack1", "compute"))));
        db.updateNodes(List.of("r1u02"), text("location.rack", "5"));

        assertEquals(List.of("rack1", "compute", "everything"), attr("r1u01", "groups").items());
        AttributeView rack = attr("r1u01", "location.rack");
        assertEquals("1", rack.value());
        assertEquals("rack1", rack.inheritedFrom());
        assertEquals("redfish", attr("r1u01", "hardwaremanagement.method").value());
        assertEquals("everything", attr("r1u01", "console.logging").inheritedFrom());
        AttributeView own = attr("r1u02", "location.rack");
        assertEquals("5", own.value());
        assertNull(own.inheritedFrom());

        // Clearing the node's own value lets the inherited one show again, with a warning.
        Map<String, List<String>> warnings = db.updateNodes(List.of("r1u02"),
                Map.of("location.rack", new AttributeInput.Clear()));
        assertEquals("1", attr("r1u02", "location.rack").value());
        assertTrue(warnings.get("r1u02").get(0).contains("rack1"), warnings.toString());

        // Prepending a group makes it win.
        db.updateNodes(List.of("r1u01"), Map.of("groups", new AttributeInput.Prepend("compute")));
        assertEquals(List.of("compute", "rack1", "everything"), attr("r1u01", "groups").items());
        assertEquals("99", attr("r1u01", "location.rack").value());

        // A group change reaches its members at once.
        db.updateGroup("compute", text("location.rack", "42"));
        assertEquals("42", attr("r1u01", "location.rack").value());
    }

    @Test
    void groupExpressionsAreEvaluatedForEachNode() {
        db.defineGroup("rack2", text("location.u", "{n2}", "hardwaremanagement.manager", "{node}-xcc"));
        db.defineNodes("r2u[07-08]", Map.of("groups", new AttributeInput.Text("rack2")));
        AttributeView u = attr("r2u07", "location.u");
        assertEquals("7", u.value());
        assertEquals("{n2}", u.expression());
        assertEquals("rack2", u.inheritedFrom());
        assertEquals("8", attr("r2u08", "location.u").value());
        assertEquals("r2u08-xcc", attr("r2u08", "hardwaremanagement.manager").value());
        assertEquals("r2u07-xcc", db.nodeAttributes("r2u07", new AttributeSelection(false, List.of("bmc")))
                .get("hardwaremanagement.manager").value(), "an alias reads the attribute under its own name");
        assertEquals("{n2}", db.groupAttributes("rack2", AttributeSelection.current()).get("location.u").expression());
        // Selectors see the evaluated, inherited values.
        assertEquals(List.of("r2u07"), db.expand("location.u=7"));
        assertEquals(List.of("r2u08"), db.expand("rack2,-hardwaremanagement.manager=r2u07-xcc"));
        assertEquals(List.of("r2u07", "r2u08"), db.expand("location.u=~^[78]$"));
    }

    @Test
    void groupMembershipThroughTheGroupsNodesAttribute() {
        db.defineNodes("n[1-4]", Map.of());
        db.defineGroup("gpu", Map.of("nodes", new AttributeInput.Text("n1-n3")));
        assertEquals(List.of("n1", "n2", "n3"), db.groupAttributes("gpu", AttributeSelection.current()).get("nodes").items());
        assertEquals(List.of("gpu", "everything"), attr("n2", "groups").items());

        db.updateGroup("gpu", Map.of("nodes", new AttributeInput.Remove("n2")));
        assertEquals(List.of("n1", "n3"), db.groupAttributes("gpu", AttributeSelection.current()).get("nodes").items());

        db.renameGroup("gpu", "accel");
        assertFalse(db.groupExists("gpu"));
        assertEquals(List.of("accel", "everything"), attr("n1", "groups").items());

        db.removeGroup("accel");
        assertEquals(List.of("everything"), attr("n3", "groups").items());
        assertEquals(List.of("n1", "n2", "n3", "n4"), db.expand("everything"));
    }

    @Test
    void secretsAreSealedHashesAreOneWayAndNeitherIsShown() throws Exception {
        db.defineNodes("n1", Map.of());
        db.updateNodes(List.of("n1"), text("bmcpass", "Sup3rS3cret!", "crypted.rootpassword", "RootPa55word"));
        SortedMap<String, AttributeView> all = db.nodeAttributes("n1", AttributeSelection.current());
        AttributeView secret = all.get("secret.hardwaremanagementpassword");
        assertEquals(Boolean.TRUE, secret.isSet());
        assertNull(secret.value());
        assertEquals(Boolean.TRUE, all.get("crypted.rootpassword").isSet());

        String dump = fixture.rawDump().toString();
        assertFalse(dump.contains("Sup3rS3cret!"), "the secret is not in ZooKeeper in clear text");
        assertFalse(dump.contains("RootPa55word"), "the password is not in ZooKeeper in clear text");
        assertTrue(dump.contains("aes256gcm:v1:"), "the secret is stored sealed");
        assertTrue(dump.contains("$6$"), "the password is stored as a SHA-512 crypt hash");
    }

    @Test
    void servicesReadEffectiveValuesWithSecretsOpenedInheritedAndEvaluated() {
        db.defineGroup("bmcs", Map.of());
        db.updateGroup("bmcs", text("bmcpass", "Gr0upS3cret", "hardwaremanagement.method", "redfish"));
        db.updateGroup("bmcs", Map.of("hardwaremanagement.manager", new AttributeInput.Expression("{node}-bmc:8443")));
        db.defineNodes("n1", Map.of("groups", new AttributeInput.Text("bmcs")));
        db.updateNodes(List.of("n1"), text("bmcuser", "admin", "crypted.rootpassword", "RootPa55word"));

        Map<String, String> values = db.values("n1", List.of("secret.hardwaremanagementuser",
                "secret.hardwaremanagementpassword", "hardwaremanagement.method", "hardwaremanagement.manager",
                "crypted.rootpassword", "location.rack"));

        assertEquals(Map.of("secret.hardwaremanagementuser", "admin", "secret.hardwaremanagementpassword",
                "Gr0upS3cret", "hardwaremanagement.method", "redfish", "hardwaremanagement.manager", "n1-bmc:8443"),
                values, "a hash cannot be opened and an unset attribute has no value");
        db.set("n1", "pubkeys.tls_hardwaremanager", "sha512$abcd");
        assertEquals("sha512$abcd", db.values("n1", List.of("pubkeys.tls_hardwaremanager"))
                .get("pubkeys.tls_hardwaremanager"));
        assertEquals(RequestException.Kind.NOT_FOUND,
                assertThrows(RequestException.class, () -> db.values("n9", List.of("location.rack"))).kind());
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        db.defineGroup("rack1", text("location.rack", "1"));
        db.defineNodes("n1,n2", text("location.rack", "3"));
        Map<String, String> before = fixture.rawDump();

        assertBad(() -> db.updateNodes(List.of("n1", "n2"), text("location.rack", "4", "foo.bar", "x")));
        assertBad(() -> db.updateNodes(List.of("n1"), text("console.method", "telnet")));
        assertBad(() -> db.updateNodes(List.of("n1"), text("location.u", "{n1")));
        assertBad(() -> db.updateNodes(List.of("n1"), Map.of("groups", new AttributeInput.Text("no such group"))));
        assertBad(() -> db.updateNodes(List.of("n1"), Map.of("groups", new AttributeInput.Text("newgroup"),
                "foo.bar", new AttributeInput.Text("x"))));
        assertBad(() -> db.defineNodes("bad name", Map.of()));
        assertBad(() -> db.defineGroup("x/y", Map.of()));
        assertBad(() -> db.updateNodes(List.of("n1"), Map.of("secret.hardwaremanagementpassword",
                new AttributeInput.Expression("{node}"))));
        assertEquals(RequestException.Kind.NOT_FOUND,
                assertThrows(RequestException.class, () -> db.updateNodes(List.of("n1", "n9"), text("location.rack", "4"))).kind());

        assertEquals(before, fixture.rawDump());
    }

    @Test
    void namingGroupsThatDoNotExistCreatesThemWithTheChange() {
        db.defineNodes("n[1-1500]", Map.of("groups", new AttributeInput.Text("big")));
        assertTrue(db.groupExists("big"));
        assertEquals(1500, db.groupAttributes("big", AttributeSelection.current()).get("nodes").items().size());
        db.updateNodes(List.of("n1", "n2"), Map.of("groups", new AttributeInput.Prepend("small,big")));
        assertEquals(List.of("small", "big", "everything"), attr("n2", "groups").items());
        assertEquals(List.of("n1", "n2"), db.groupAttributes("small", AttributeSelection.current()).get("nodes").items());
        assertEquals(List.of("big", "everything", "small"), db.groups());
    }

    private static void assertBad(org.junit.jupiter.api.function.Executable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        if (e instanceof RequestException request) {
            assertEquals(RequestException.Kind.BAD_REQUEST, request.kind(), e.getMessage());
        } else {
            assertTrue(e instanceof IllegalArgumentException, e.toString());
        }
    }

    @Test
    void aRestartedMemberHasEverything() throws Exception {
        db.defineGroup("rack1", text("location.rack", "1"));
        db.defineNodes("n[1-50]", Map.of("groups", new AttributeInput.Text("rack1")));
        db.updateNodes(List.of("n7"), text("bmcpass", "secret-7", "location.u", "{n1}"));
        Map<String, Object> before = fixture.viewDump();

        fixture.restart();
        db = fixture.db();
        assertEquals(before, fixture.viewDump());
        assertEquals("7", attr("n7", "location.u").value());
    }

    @Test
    void anotherSessionSeesChangesThroughTheWatch() throws Exception {
        try (var other = fixture.openStore()) {
            db.defineNodes("n1", Map.of());
            db.updateNodes(List.of("n1"), text("location.rack", "9"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"9".equals(valueOn(other.nodes(), "n1", "location.rack")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("9", valueOn(other.nodes(), "n1", "location.rack"));
            other.nodes().updateNodes(List.of("n1"), text("location.rack", "10"));
            assertEquals("10", valueOn(other.nodes(), "n1", "location.rack"), "read-your-writes on the other session");
        }
    }

    @Test
    void aConsistentReadSeesEveryChangeCommittedBeforeIt() throws Exception {
        try (var other = fixture.openStore()) {
            db.defineNodes("n1", Map.of());
            for (int i = 0; i < 200; i++) {
                db.updateNodes(List.of("n1"), text("location.rack", Integer.toString(i)));
                other.nodes().awaitCurrent();
                assertEquals(Integer.toString(i), valueOn(other.nodes(), "n1", "location.rack"), "round " + i);
            }
        }
    }

    private static String valueOn(NodeDatabase db, String node, String name) {
        if (!db.nodeExists(node)) {
            return null;
        }
        AttributeView view = db.nodeAttributes(node, new AttributeSelection(false, List.of(name))).get(name);
        return view == null ? null : view.value();
    }
}
