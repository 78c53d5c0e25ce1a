package org.confluentcollective.web;

import static org.confluentcollective.web.WebLayerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the REST contract follows the original confluent (noderange.md, attributes.md) rather
 * than refusing: through HTTPS and the socket to a real confluentd. Each test uses names of its own.
 */
class CompatibilityApiTest {

    @TempDir
    static Path dir;

    static DaemonFixture fixture;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        fixture = DaemonFixture.start(dir.resolve("state"));
        Answer created = fixture.socket.post("/users/", "{\"name\":\"ops\",\"role\":\"operator\",\"password\":\"pw-ops\"}");
        assertEquals(201, created.status(), created.text());
        api = fixture.https.as("ops", "pw-ops");
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static List<String> items(Answer answer) {
        assertEquals(200, answer.status(), answer.text());
        List<String> names = new ArrayList<>();
        answer.json().path("_links").path("item").forEach(item -> names.add(item.path("href").asText()));
        return names;
    }

    private static JsonNode groups(String node) throws Exception {
        Answer answer = api.get("/nodes/" + node + "/attributes/current?attr=groups");
        assertEquals(200, answer.status(), answer.text());
        return answer.json().path("groups").path("value");
    }

    @Test
    void blanksAroundOperatorsReachTheParserAndAreIgnored() throws Exception {
        assertEquals(201, api.post("/noderange/", "{\"name\":\"bl[1-3]\"}").status());
        assertEquals(List.of("bl1/", "bl2/"), items(api.get("/noderange/bl1,%20bl2/nodes/")));
        assertEquals(List.of("bl1/", "bl3/"), items(api.get("/noderange/bl1:bl3%20,-%20bl2/nodes/")));
        assertEquals(List.of("bl2/"), items(fixture.socket.get("/noderange/%20bl2%20/nodes/")));
        // blanks inside an atom are the parser's error (noderange.md §13.4), naming the column
        Answer inside = api.get("/noderange/bl%201/nodes/");
        assertError(404, inside);
        assertTrue(inside.json().path("error").asText().contains("column"), inside.text());
    }

    @Test
    void controlCharactersInANoderangeAreAClearJsonError() throws Exception {
        for (String encoded : new String[] {"%01", "%0A", "%7F", "%00"}) {
            Answer refused = api.get("/noderange/bl1" + encoded + "/nodes/");
            assertEquals(400, refused.status(), encoded + ": " + refused.text());
            assertEquals(400, refused.json().path("errorcode").asInt(), refused.text());
            assertTrue(refused.json().path("error").asText().contains("control character"), encoded + ": " + refused.text());
        }
    }

    @Test
    void evaluatingEmptyTextGivesEmptyTextPerNode() throws Exception {
        assertEquals(201, api.post("/noderange/", "{\"name\":\"ev[1-2]\"}").status());
        Answer evaluated = api.post("/noderange/ev1,ev2/attributes/expression", "{\"expression\":\"\"}");
        assertEquals(200, evaluated.status(), evaluated.text());
        assertEquals("[{\"ev1\":{\"value\":\"\"}},{\"ev2\":{\"value\":\"\"}}]", evaluated.json().path("databynode").toString());
        assertError(400, api.post("/noderange/ev1/attributes/expression", "{}"));
    }

    @Test
    void settingAGroupsNodesPutsTheGroupFirst() throws Exception {
        assertEquals(201, api.post("/nodegroups/", "{\"name\":\"gf-old\"}").status());
        assertEquals(201, api.post("/noderange/", "{\"name\":\"gf[1-2]\",\"groups\":\"gf-old\"}").status());
        assertEquals("[\"gf-old\",\"everything\"]", groups("gf1").toString());
        assertEquals(201, api.post("/nodegroups/", "{\"name\":\"gf-new\",\"nodes\":\"gf1\"}").status());
        assertEquals("[\"gf-new\",\"gf-old\",\"everything\"]", groups("gf1").toString());
        assertEquals(200, api.put("/nodegroups/gf-new/attributes/current", "{\"nodes\":[\"gf1\",\"gf2\"]}").status());
        assertEquals("[\"gf-new\",\"gf-old\",\"everything\"]", groups("gf1").toString(), "a member keeps its place");
        assertEquals("[\"gf-new\",\"gf-old\",\"everything\"]", groups("gf2").toString());
    }

    @Test
    void postToNodesTakesTheNameLiterally() throws Exception {
        Answer created = api.post("/nodes/", "{\"name\":\"lit1-lit2\"}");
        assertEquals(201, created.status(), created.text());
        assertEquals("{\"created\":[\"lit1-lit2\"]}", created.json().toString());
        assertEquals(List.of("lit1-lit2/"), items(api.get("/noderange/lit1-lit2/nodes/")));
        assertError(400, api.post("/nodes/", "{\"name\":\"lit[1-2]\"}"));
        Answer range = api.post("/noderange/", "{\"name\":\"lit[1-2]\"}");
        assertEquals("{\"created\":[\"lit1\",\"lit2\"]}", range.json().toString());
    }

    @Test
    void namingAGroupThatDoesNotExistCreatesIt() throws Exception {
        Answer defined = api.post("/noderange/", "{\"name\":\"ng[1-2]\",\"groups\":\"ng-rack,ng-gpu\"}");
        assertEquals(201, defined.status(), defined.text());
        assertEquals("[\"ng-rack\",\"ng-gpu\",\"everything\"]", groups("ng1").toString());
        assertEquals("[\"ng1\",\"ng2\"]", api.get("/nodegroups/ng-rack/attributes/current").json()
                .path("nodes").path("value").toString());
        Answer prepended = api.put("/noderange/ng1/attributes/current", "{\"groups\":{\"prepend\":\"ng-new\"}}");
        assertEquals(200, prepended.status(), prepended.text());
        assertEquals("[\"ng-new\",\"ng-rack\",\"ng-gpu\",\"everything\"]", groups("ng1").toString());
        Answer set = api.put("/nodes/ng2/attributes/current", "{\"groups\":\"ng-other\"}");
        assertEquals(200, set.status(), set.text());
        assertTrue(items(api.get("/nodegroups/")).containsAll(List.of("ng-new/", "ng-other/", "ng-rack/", "ng-gpu/")));
        // a refused change creates no group: it is one transaction
        assertError(400, api.put("/noderange/ng1/attributes/current", "{\"groups\":\"ng-never\",\"foo.bar\":\"1\"}"));
        assertError(400, api.put("/noderange/ng1/attributes/current", "{\"groups\":\"bad group\"}"));
        assertTrue(!items(api.get("/nodegroups/")).contains("ng-never/"));
    }
}
