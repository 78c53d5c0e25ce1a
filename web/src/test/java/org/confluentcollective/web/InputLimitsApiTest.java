package org.confluentcollective.web;

import static org.confluentcollective.web.WebLayerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.confluentcollective.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's input limits through a real daemon: records above the limit (413), bulk changes
 * that grow records, catastrophic regexes, huge ranges, deep nesting, invalid Unicode and
 * non-finite numbers (400), and names a node and a group share (a warning).
 */
class InputLimitsApiTest {

    /** Every refusal below comes well within this, on a loaded machine too. */
    private static final long BUDGET_MILLIS = 1000;

    @TempDir
    static Path dir;

    static DaemonFixture fixture;
    static ApiClient operator;
    static ApiClient monitor;

    @BeforeAll
    static void start() throws Exception {
        fixture = DaemonFixture.start(dir.resolve("state"));
        for (String[] user : new String[][] {{"olga", "operator"}, {"max", "monitor"}}) {
            Answer created = fixture.socket.post("/users/",
                    "{\"name\":\"" + user[0] + "\",\"role\":\"" + user[1] + "\",\"password\":\"pw-" + user[0] + "\"}");
            assertEquals(201, created.status(), created.text());
        }
        operator = fixture.https.as("olga", "pw-olga");
        monitor = fixture.https.as("max", "pw-max");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static String message(Answer answer) {
        return answer.json().path("error").asText();
    }

    @Test
    void aRecordAboveTheLimitIs413NamingTheNodeAndTheMemberStaysUnlocked() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"big[1-3]\"}").status());
        String value = "x".repeat(300 * 1024);
        Answer refused = operator.put("/noderange/big%5B1-3%5D/attributes/current", "{\"info.note\":\"" + value + "\"}");
        assertError(413, refused);
        assertTrue(message(refused).contains("node big1") && message(refused).contains("262144"), message(refused));
        JsonNode unchanged = operator.get("/nodes/big1/attributes/current?attr=info.note").json();
        assertTrue(unchanged.path("info.note").isMissingNode(), unchanged.toString());

        // Grown step by step: the second step is refused, the first stays.
        String half = "y".repeat(200 * 1024);
        assertEquals(200, operator.put("/nodes/big2/attributes/current", "{\"info.note\":\"" + half + "\"}").status());
        assertError(413, operator.put("/nodes/big2/attributes/current", "{\"location.room\":\"" + half + "\"}"));

        // Not locked down: the next change is taken at once.
        Answer next = operator.put("/nodes/big3/attributes/current", "{\"location.rack\":\"3\"}");
        assertEquals(200, next.status(), next.text());
    }

    @Test
    void aBulkChangeThatGrowsRecordsBeyondOneBatchIsWritten() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"grow[1-12]\"}").status());
        String value = "g".repeat(100 * 1024);
        Answer grown = operator.put("/noderange/grow%5B1-12%5D/attributes/current", "{\"info.note\":\"" + value + "\"}");
        assertEquals(200, grown.status(), grown.text().substring(0, Math.min(300, grown.text().length())));
        JsonNode last = operator.get("/nodes/grow12/attributes/current?attr=info.note").json();
        assertEquals(value, last.path("info.note").path("value").asText());
        assertEquals(200, operator.put("/nodes/grow1/attributes/current", "{\"location.rack\":\"1\"}").status());
    }

    @Test
    void hostileNoderangesAre400WithinTheBudget() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\","
                + "\"info.note\":\"" + "z".repeat(4000) + "!\"}").status());
        assertEquals(200, monitor.get("/noderange/~a.*/nodes/").status());   // the engine loaded: the budget is for the match
        String stars = "a*".repeat(14);
        String[] fast = {
            "/noderange/~%5E" + stars + "%24/nodes/",
            "/noderange/info.note=~%5E" + "z*".repeat(14) + "y/nodes/",
        };
        for (String path : fast) {
            long started = System.nanoTime();
            Answer answer = monitor.get(path);
            assertEquals(200, answer.status(), answer.text());
            assertTrue(elapsedMillis(started) < BUDGET_MILLIS, path + " took " + elapsedMillis(started) + " ms");
        }
        String deep = "(".repeat(40) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" + ")".repeat(40);
        String[][] refused = {
            {"/noderange/x%5B1-1000000%5D/nodes/", "more than 250000 names"},
            {"/noderange/x%5B1-1000%5D%5B1-1000%5D/nodes/", "more than 250000 names"},
            {"/noderange/" + deep.replace("(", "%28").replace(")", "%29") + "/nodes/", "nested more than 32 deep"},
            {"/noderange/~a*%2B/nodes/", "linear time"},
        };
        for (String[] probe : refused) {
            long started = System.nanoTime();
            Answer answer = monitor.get(probe[0]);
            assertError(400, answer);
            assertTrue(message(answer).contains(probe[1]), message(answer));
            assertTrue(elapsedMillis(started) < BUDGET_MILLIS, probe[0] + " took " + elapsedMillis(started) + " ms");
        }
        Answer define = operator.post("/noderange/", "{\"name\":\"" + "(".repeat(5000) + "n1" + ")".repeat(5000) + "\"}");
        assertError(400, define);
        assertTrue(message(define).contains("at most 8192 characters"), message(define));
    }

    @Test
    void loneSurrogatesAndNonFiniteNumbersAre400NamingTheAttribute() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"uni1\"}").status());
        String[][] bodies = {
            {"{\"info.note\":\"ok\\ud800\"}", "info.note"},
            {"{\"info.note\":{\"value\":\"\\udc00\"}}", "info.note"},
            {"{\"location.rack\":1e999999}", "location.rack"},
            {"{\"location.rack\":{\"value\":-1e400}}", "location.rack"},
        };
        for (String[] body : bodies) {
            Answer answer = operator.put("/nodes/uni1/attributes/current", body[0]);
            assertError(400, answer);
            assertTrue(message(answer).contains("'" + body[1] + "'"), body[0] + " -> " + message(answer));
        }
        assertError(400, operator.post("/noderange/", "{\"name\":\"uni\\ud83d2\"}"));
        assertError(400, operator.put("/nodes/uni1/attributes/current", "{\"info.\\ud800\":\"x\"}"));
        assertError(400, operator.put("/nodes/uni1/attributes/current", "{\"location.rack\":NaN}"));
        // A proper pair is Unicode and kept.
        Answer pair = operator.put("/nodes/uni1/attributes/current", "{\"info.note\":\"\\ud83d\\ude00\"}");
        assertEquals(200, pair.status(), pair.text());
        assertEquals("\ud83d\ude00", operator.get("/nodes/uni1/attributes/current").json()
                .path("info.note").path("value").asText());
    }

    @Test
    void aNodeAndAGroupOfTheSameNameAreAnsweredWithAWarning() throws Exception {
        assertEquals(201, operator.post("/noderange/", "{\"name\":\"member[1-2]\"}").status());
        assertEquals(201, operator.post("/nodegroups/", "{\"name\":\"shadowed\",\"nodes\":[\"member1\",\"member2\"]}").status());

        Answer node = operator.post("/noderange/", "{\"name\":\"shadowed\"}");
        assertEquals(201, node.status(), node.text());
        assertTrue(node.json().path("_warnings").toString().contains("node shadowed has the name of group shadowed"),
                node.text());
        // The spec's rule holds: the node wins.
        assertEquals("[\"shadowed\"]", fixtureNodes("shadowed").toString());

        Answer group = operator.post("/nodegroups/", "{\"name\":\"member1\"}");
        assertEquals(201, group.status(), group.text());
        assertTrue(group.json().path("_warnings").toString().contains("group member1 has the name of node member1"),
                group.text());
        Answer plain = operator.post("/nodegroups/", "{\"name\":\"nobody\"}");
        assertTrue(plain.json().path("_warnings").isMissingNode(), plain.text());
    }

    private static JsonNode fixtureNodes(String noderange) throws Exception {
        Answer answer = monitor.get("/noderange/" + noderange + "/nodes/");
        assertEquals(200, answer.status(), answer.text());
        return answer.json().path("_links").path("item").findValues("href").stream()
                .collect(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                        (array, href) -> array.add(href.asText().replace("/", "")),
                        com.fasterxml.jackson.databind.node.ArrayNode::addAll);
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
