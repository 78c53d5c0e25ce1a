package org.confluentcollective.web;

import static org.confluentcollective.web.WebLayerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confluentcollective.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST contract end to end: real HTTPS and Unix socket requests to a real confluentd on a
 * real embedded ZooKeeper. One daemon for the class; each test uses its own node names.
 */
class DaemonApiTest {

    @TempDir
    static Path dir;

    static DaemonFixture fixture;
    static ApiClient admin;
    static ApiClient operator;
    static ApiClient monitor;

    @BeforeAll
    static void start() throws Exception {
        fixture = DaemonFixture.start(dir.resolve("state"));
        for (String[] user : new String[][] {{"alice", "admin"}, {"olga", "operator"}, {"max", "monitor"}}) {
            Answer created = fixture.socket.post("/users/",
                    "{\"name\":\"" + user[0] + "\",\"role\":\"" + user[1] + "\",\"password\":\"pw-" + user[0] + "\"}");
            assertEquals(201, created.status(), created.text());
        }
        admin = fixture.https.as("alice", "pw-alice");
        operator = fixture.https.as("olga", "pw-olga");
        monitor = fixture.https.as("max", "pw-max");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void nodesOverHttps() throws Exception {
        nodeLifecycle(operator, "web");
    }

    @Test
    void nodesOverTheSocket() throws Exception {
        nodeLifecycle(fixture.socket, "sock");
    }

    /** Define, get, set, clear, rename and remove a node through the given client. */
    private static void nodeLifecycle(ApiClient client, String prefix) throws Exception {
        String n = prefix + "1";
        Answer created = client.post("/nodes/", "{\"name\":\"" + n + "\",\"location.rack\":\"7\"}");
        assertEquals(201, created.status(), created.text());
        assertEquals("{\"created\":[\"" + n + "\"]}", created.json().toString());
        assertTrue(items(client.get("/nodes/")).contains(n + "/"));
        // the real daemon's hardware service names its operations, as the original's resource tree
        assertEquals(List.of("attributes/", "boot/", "health/", "identify", "inventory/", "power/", "sensors/"),
                items(client.get("/nodes/" + n + "/")));
        assertEquals(List.of("state"), items(client.get("/nodes/" + n + "/power/")));

        JsonNode current = client.get("/nodes/" + n + "/attributes/current").json();
        assertEquals("7", current.path("location.rack").path("value").asText(), current.toString());

        Answer set = client.put("/nodes/" + n + "/attributes/current", "{\"location.rack\":8,\"location.u\":{\"value\":\"{u}\"}}");
        assertEquals(200, set.status(), set.text());
        assertEquals("8", set.json().path("location.rack").path("value").asText(), set.text());
        current = client.get("/nodes/" + n + "/attributes/current").json();
        assertEquals("8", current.path("location.rack").path("value").asText(), current.toString());
        assertEquals("{u}", current.path("location.u").path("value").asText(), current.toString());

        Answer cleared = client.put("/nodes/" + n + "/attributes/current", "{\"location.rack\":null}");
        assertEquals(200, cleared.status(), cleared.text());
        current = client.get("/nodes/" + n + "/attributes/current").json();
        assertTrue(current.path("location.rack").isMissingNode(), current.toString());
        JsonNode all = client.get("/nodes/" + n + "/attributes/all").json();
        assertTrue(all.path("location.rack").path("value").isNull(), all.toString());

        Answer renamed = client.put("/noderange/" + n + "/attributes/rename", "{\"rename\":\"" + prefix + "2\"}");
        assertEquals(200, renamed.status(), renamed.text());
        assertEquals("{\"databynode\":[{\"" + n + "\":{\"rename\":{\"value\":\"" + prefix + "2\"}}}]}", renamed.json().toString());
        assertError(404, client.get("/nodes/" + n + "/attributes/current"));
        assertEquals("{u}", client.get("/nodes/" + prefix + "2/attributes/current").json().path("location.u").path("value").asText());

        Answer removed = client.delete("/nodes/" + prefix + "2/");
        assertEquals(200, removed.status(), removed.text());
        assertEquals("{\"deleted\":[\"" + prefix + "2\"]}", removed.json().toString());
        assertError(404, client.get("/nodes/" + prefix + "2/"));
    }

    @Test
    void groupsAndInheritance() throws Exception {
        Answer group = operator.post("/nodegroups/", "{\"name\":\"grp\",\"location.room\":\"r42\"}");
        assertEquals(201, group.status(), group.text());
        assertEquals("{\"created\":[\"grp\"]}", group.json().toString());
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"g[1-2]\",\"groups\":[\"grp\"]}").status());

        JsonNode node = operator.get("/nodes/g1/attributes/current").json();
        assertEquals("r42", node.path("location.room").path("value").asText(), node.toString());
        assertEquals("grp", node.path("location.room").path("inheritedfrom").asText(), node.toString());
        JsonNode groupView = operator.get("/nodegroups/grp/attributes/current").json();
        assertEquals("[\"g1\",\"g2\"]", groupView.path("nodes").path("value").toString(), groupView.toString());

        Answer expression = operator.put("/nodegroups/grp/attributes/current", "{\"location.row\":\"{node}-row\"}");
        assertEquals("{\"location.row\":{\"expression\":\"{node}-row\"}}", expression.json().toString());
        JsonNode inherited = operator.get("/nodes/g2/attributes/current?attr=location.row").json();
        assertEquals("{\"location.row\":{\"value\":\"g2-row\",\"expression\":\"{node}-row\",\"inheritedfrom\":\"grp\"}}",
                inherited.toString());

        Answer set = operator.put("/nodegroups/grp/attributes/current", "{\"location.room\":\"r43\"}");
        assertEquals(200, set.status(), set.text());
        assertEquals("r43", operator.get("/nodes/g2/attributes/current").json().path("location.room").path("value").asText());

        Answer renamed = operator.put("/nodegroups/grp/attributes/rename", "{\"rename\":\"grp2\"}");
        assertEquals(200, renamed.status(), renamed.text());
        assertEquals("{\"oldname\":\"grp\",\"newname\":\"grp2\"}", renamed.json().toString());
        assertEquals("grp2", operator.get("/nodes/g1/attributes/current").json().path("location.room").path("inheritedfrom").asText());

        Answer cleared = operator.put("/nodegroups/grp2/attributes/current", "{\"location.room\":null}");
        assertEquals(200, cleared.status(), cleared.text());
        assertTrue(operator.get("/nodes/g1/attributes/current").json().path("location.room").isMissingNode());

        assertEquals("{\"deleted\":[\"grp2\"]}", operator.delete("/nodegroups/grp2/").json().toString());
        assertError(404, operator.get("/nodegroups/grp2/"));
        assertEquals(200, operator.get("/nodes/g1/").status());
        assertEquals("{\"deleted\":[\"g1\",\"g2\"]}", operator.delete("/noderange/g1,g2/").json().toString());
    }

    @Test
    void databynodeListsEveryNodeAndAttributeInOrder() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"d[1-2]\",\"location.rack\":\"5\",\"location.u\":\"{n1}\"}").status());
        JsonNode answer = operator.get("/noderange/d1,d2/attributes/current?attr=location.*").json();
        List<String> seen = new ArrayList<>();
        for (JsonNode element : answer.path("databynode")) {
            assertEquals(1, element.size(), element.toString());
            String node = element.fieldNames().next();
            assertEquals(1, element.get(node).size(), element.toString());
            seen.add(node + " " + element.get(node).fieldNames().next());
        }
        assertEquals(List.of("d1 location.rack", "d1 location.u", "d2 location.rack", "d2 location.u"), seen, answer.toString());
        JsonNode u = answer.path("databynode").get(3).path("d2").path("location.u");
        assertEquals("2", u.path("value").asText(), u.toString());
        assertEquals("{n1}", u.path("expression").asText(), u.toString());

        Answer changed = operator.put("/noderange/d1,d2/attributes/current", "{\"location.rack\":\"6\"}");
        assertEquals("{\"databynode\":[{\"d1\":{\"location.rack\":{\"value\":\"6\"}}},{\"d2\":{\"location.rack\":{\"value\":\"6\"}}}]}",
                changed.json().toString());
        Answer evaluated = monitor.get("/noderange/d1,d2/nodes/");
        assertEquals(List.of("d1/", "d2/"), items(evaluated));
        Answer expression = operator.post("/noderange/d1,d2/attributes/expression", "{\"expression\":\"{n1}-x\"}");
        assertEquals("{\"databynode\":[{\"d1\":{\"value\":\"1-x\"}},{\"d2\":{\"value\":\"2-x\"}}]}", expression.json().toString());
        operator.delete("/noderange/d1,d2/");
    }

    @Test
    void noderangeRegexWithEncodedSlashOrTilde() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"rx[1-3]\"}").status());
        assertEquals(List.of("rx1/", "rx2/"), items(operator.get("/noderange/%2F%5Erx%5B12%5D/nodes/")));
        assertEquals(List.of("rx2/", "rx3/"), items(operator.get("/noderange/~rx%5B23%5D/nodes/")));
        assertEquals(List.of("rx1/", "rx3/"), items(fixture.socket.get("/noderange/rx1,rx3/nodes/")));
        operator.delete("/noderange/rx1,rx2,rx3/");
    }

    @Test
    void rolesLimitWhatUsersMayDo() throws Exception {
        assertEquals(201, operator.post("/nodes/", "{\"name\":\"role1\"}").status());
        assertEquals(200, monitor.get("/nodes/role1/attributes/current").status());
        assertError(403, monitor.put("/nodes/role1/attributes/current", "{\"location.rack\":\"1\"}"));
        assertError(403, monitor.post("/nodes/", "{\"name\":\"role2\"}"));
        assertError(403, monitor.delete("/nodes/role1/"));
        assertError(403, monitor.get("/users/"));
        assertError(403, operator.get("/users/"));
        assertError(403, operator.post("/users/", "{\"name\":\"eve\",\"role\":\"admin\",\"password\":\"x\"}"));
        assertEquals(200, monitor.get("/nodes/role1/").status());
        assertError(404, monitor.get("/nodes/role2/"));

        JsonNode user = admin.get("/users/olga").json();
        assertEquals("{\"name\":\"olga\",\"role\":\"operator\",\"password\":{\"isset\":true}}", user.toString());
        operator.delete("/nodes/role1/");
    }

    @Test
    void httpsAuthenticationAndTheSocket() throws Exception {
        Answer anonymous = fixture.https.get("/nodes/");
        assertError(401, anonymous);
        assertEquals("Basic realm=\"confluent\"", anonymous.headers().get("WWW-Authenticate"));
        Answer wrong = fixture.https.as("olga", "not-her-password").get("/nodes/");
        assertError(401, wrong);
        assertEquals("Basic realm=\"confluent\"", wrong.headers().get("WWW-Authenticate"));
        assertError(401, fixture.https.as("nobody", "x").get("/nodes/"));

        assertEquals(200, fixture.socket.get("/users/").status());
        Path socket = fixture.daemon.socketPath();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"bad[1-2]\",\"location.rack\":\"3\"}").status());
        assertEquals(201, operator.post("/nodegroups/", "{\"name\":\"badgroup\",\"location.room\":\"x\"}").status());
        Map<String, JsonNode> before = fixture.dump();
        assertTrue(before.containsKey("node bad1/"), before.keySet().toString());

        Answer malformed = operator.put("/noderange/bad1,bad2/attributes/current", "{\"location.rack\": \"4\"");
        assertError(400, malformed);
        assertTrue(message(malformed).startsWith("malformed JSON"), malformed.text());

        Answer unknownAttribute = operator.put("/noderange/bad1,bad2/attributes/current",
                "{\"location.rack\":\"4\",\"foo.bar\":\"1\"}");
        assertError(400, unknownAttribute);
        assertTrue(message(unknownAttribute).contains("foo.bar"), unknownAttribute.text());
        assertTrue(!unknownAttribute.json().has("suggestions"), unknownAttribute.text());
        // a typing mistake: the catalog names nearest to it, for confluentctl's "did you mean"
        Answer typo = operator.put("/noderange/bad1/attributes/current", "{\"location.rak\":\"4\"}");
        assertError(400, typo);
        assertEquals("[\"location.rack\"]", typo.json().get("suggestions").toString(), typo.text());
        Answer typoRead = operator.get("/noderange/bad1/attributes/all?attr=locaton.rack");
        assertError(400, typoRead);
        assertEquals("[\"location.rack\"]", typoRead.json().get("suggestions").toString(), typoRead.text());
        Answer unknownOnDefine = operator.post("/noderange/", "{\"name\":\"bad[3-4]\",\"foo.bar\":\"1\"}");
        assertError(400, unknownOnDefine);
        Answer unknownOnGroup = operator.put("/nodegroups/badgroup/attributes/current", "{\"foo.bar\":\"1\"}");
        assertError(400, unknownOnGroup);
        assertError(400, operator.put("/nodes/bad1/attributes/current", "{\"location.rack\":{\"nope\":\"1\"}}"));

        assertError(400, operator.post("/nodes/", "{\"name\":\"bad|node\"}"));
        assertError(400, operator.post("/noderange/", "{\"name\":\"bad[5-\"}"));
        assertError(400, operator.post("/nodes/", "{\"name\":\"\"}"));
        assertError(400, operator.post("/nodes/", "{\"location.rack\":\"1\"}"));
        Answer existing = operator.post("/nodes/", "{\"name\":\"bad1\"}");
        assertError(409, existing);

        Answer badRange = operator.get("/noderange/bad1-/nodes/");
        assertError(404, badRange);
        assertTrue(message(badRange).startsWith("bad noderange 'bad1-'"), badRange.text());
        assertError(404, operator.put("/noderange/bad1-/attributes/current", "{\"location.rack\":\"4\"}"));
        assertError(404, operator.delete("/noderange/nosuchnode/"));

        byte[] big = ("{\"location.rack\":\"" + "9".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertError(413, operator.send("PUT", "/noderange/bad1,bad2/attributes/current", "application/json", big));
        assertError(415, operator.send("PUT", "/noderange/bad1,bad2/attributes/current", "text/plain",
                "location.rack=4".getBytes(StandardCharsets.UTF_8)));
        assertError(405, operator.send("PATCH", "/nodes/bad1/", "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertError(404, operator.get("/no/such/path"));

        assertEquals(before, fixture.dump());
        operator.delete("/noderange/bad1,bad2/");
        operator.delete("/nodegroups/badgroup/");
    }

    @Test
    void rootAndVersion() throws Exception {
        assertEquals(List.of("collective/", "nodes/", "noderange/", "nodegroups/", "users/", "version"), items(monitor.get("/")));
        assertEquals("{\"version\":{\"value\":\"0.1.0\"}}", monitor.get("/version").json().toString());
        assertNotEquals(0, fixture.daemon.httpsPort());
    }

    @Test
    void collectiveShowsThisMemberAsLiveLeaderWithItsManagedNodes() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"mgd[1-2]\",\"collective.manager\":\"m1\"}").status());
        try {
            JsonNode collective = monitor.get("/collective/").json();
            assertEquals(true, collective.get("quorum").asBoolean());
            assertEquals("m1", collective.get("leader").asText());
            JsonNode member = collective.get("members").get(0);
            assertEquals("m1", member.get("name").asText());
            assertEquals("voter", member.get("role").asText());
            assertEquals("0.1.0", member.get("version").asText());
            assertEquals(true, member.get("live").asBoolean());
            assertEquals(2, member.get("managednodes").asInt());
            assertEquals("leader", member.get("zookeeper").asText(), "a collective of one leads its ensemble");
            assertEquals(1, collective.get("members").size());
        } finally {
            operator.delete("/noderange/mgd1,mgd2/");
        }
    }

    static List<String> items(Answer answer) {
        assertEquals(200, answer.status(), answer.text());
        List<String> hrefs = new ArrayList<>();
        answer.json().path("_links").path("item").forEach(item -> hrefs.add(item.get("href").asText()));
        return hrefs;
    }

    private static String message(Answer answer) {
        return answer.json().path("error").asText();
    }
}
