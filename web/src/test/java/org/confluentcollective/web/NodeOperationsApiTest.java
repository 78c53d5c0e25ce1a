package org.confluentcollective.web;

import static org.confluentcollective.web.WebLayerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.NodeResult;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.server.trust.PinnedTrustManager;
import org.confluentcollective.web.ApiClient.Answer;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node operations over real sockets: both path forms, their answers and errors, and member forwarding. */
class NodeOperationsApiTest {

    @TempDir
    static Path dir;

    static StubDatabase database;
    static RecordingOperations operations;
    static ApiServer server;
    static ApiClient https;
    static ApiClient socket;
    static HttpClient member;

    /** Records each run and answers per node from a script; the hardware service's resources exist. */
    static final class RecordingOperations implements NodeOperations {
        final List<String> calls = new ArrayList<>();
        final Map<String, NodeResult> answers = new TreeMap<>();
        volatile RequestException refusal;

        @Override
        public boolean handles(NodeOperation operation) {
            return resources().contains(operation.resource());
        }

        @Override
        public List<String> resources() {
            return List.of("power/state", "boot/nextdevice", "identify", "inventory/hardware/all/all",
                    "health/hardware", "sensors/hardware/all");
        }

        @Override
        public synchronized SortedMap<String, NodeResult> run(NodeOperation operation, List<String> nodes,
                                                              boolean forwarded) {
            calls.add((operation.change() ? "PUT " : "GET ") + operation.resource() + " " + new TreeMap<>(operation.input())
                    + " " + nodes + (forwarded ? " forwarded" : ""));
            if (refusal != null) {
                throw refusal;
            }
            // Natural order, as the real one: n2 before n10.
            SortedMap<String, NodeResult> results = new TreeMap<>(
                    Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
            nodes.forEach(node -> results.put(node, answers.getOrDefault(node,
                    NodeResult.of(Map.of("state", Map.of("value", "on"))))));
            return results;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        database = new StubDatabase();
        operations = new RecordingOperations();
        MemberIdentity identity = MemberIdentity.loadOrCreate(dir.resolve("state"), "test", List.of(), List.of());
        MemberIdentity peer = MemberIdentity.loadOrCreate(dir.resolve("peer"), "peer", List.of(), List.of());
        char[] password = "pw".toCharArray();
        server = ApiServer.start(
                new ApiServerSettings("127.0.0.1", 0, dir.resolve("run/api.sock"),
                        new TlsIdentity(identity.keyStore(password), password), "127.0.0.1", 0,
                        new PinnedTrustManager(List.of(peer.fingerprint()))),
                ApiApplication.builder().database(database).users(database).quorum(() -> true)
                        .collective(WebLayerTest::noCollective).administration(new RefusingAdministration())
                        .managers(TestApplications.NO_MANAGERS).operations(operations).version("0.1.0").build());
        https = ApiClient.https(server.httpsPort(), identity.fingerprint(), "admin", "secret");
        socket = ApiClient.socket(server.socketPath());
        member = HttpClient.newBuilder()
                .sslContext(peer.sslContext(new PinnedTrustManager(List.of(identity.fingerprint())))).build();
    }

    @AfterAll
    static void stop() throws Exception {
        https.close();
        socket.close();
        server.close();
    }

    @BeforeEach
    void forget() {
        database.nodes = List.of("n1", "n2");
        operations.calls.clear();
        operations.answers.clear();
        operations.refusal = null;
    }

    @Test
    void noderangeAnswersDatabynodeInNaturalOrderWithFailedNodesAsEntries() throws Exception {
        database.nodes = List.of("n2", "n10");
        operations.answers.put("n10", NodeResult.failed(504, "BMC of n10 did not answer"));
        Answer answer = https.get("/noderange/n2,n10/power/state");
        assertEquals(200, answer.status(), answer.text());
        assertEquals("{\"databynode\":{\"n2\":{\"state\":{\"value\":\"on\"}},"
                + "\"n10\":{\"error\":\"BMC of n10 did not answer\",\"errorcode\":504}}}", answer.text());
        assertEquals(List.of("GET power/state {} [n2, n10]"), operations.calls);
    }

    @Test
    void noderangeIsStill200WhenEveryNodeFailed() throws Exception {
        operations.answers.put("n1", NodeResult.failed(502, "bad credentials"));
        operations.answers.put("n2", NodeResult.failed(501, "unsupported"));
        Answer answer = socket.get("/noderange/n1,n2/identify");
        assertEquals(200, answer.status(), answer.text());
        assertEquals("{\"databynode\":{\"n1\":{\"error\":\"bad credentials\",\"errorcode\":502},"
                + "\"n2\":{\"error\":\"unsupported\",\"errorcode\":501}}}", answer.text());
    }

    @Test
    void putPassesTheBodyAsInput() throws Exception {
        Answer answer = https.put("/noderange/n1,n2/power/state", "{\"state\":\"on\",\"extra\":[1,true]}");
        assertEquals(200, answer.status(), answer.text());
        assertEquals(List.of("PUT power/state {extra=[1, true], state=on} [n1, n2]"), operations.calls);
        operations.calls.clear();
        assertEquals(200, https.put("/nodes/n1/identify", "{\"identify\":\"off\"}").status());
        assertEquals(List.of("PUT identify {identify=off} [n1]"), operations.calls);
    }

    @Test
    void identifyBlinkIsPassedOnAndAnsweredOnBothPathForms() throws Exception {
        operations.answers.put("n1", NodeResult.of(Map.of("identify", Map.of("value", "blink"))));
        operations.answers.put("n2", NodeResult.of(Map.of("identify", Map.of("value", "blink"))));
        Answer one = https.put("/nodes/n1/identify", "{\"identify\":\"blink\"}");
        assertEquals(200, one.status(), one.text());
        assertEquals("{\"identify\":{\"value\":\"blink\"}}", one.text());
        Answer both = socket.put("/noderange/n1,n2/identify", "{\"identify\":\"blink\"}");
        assertEquals(200, both.status(), both.text());
        assertEquals("{\"databynode\":{\"n1\":{\"identify\":{\"value\":\"blink\"}},"
                + "\"n2\":{\"identify\":{\"value\":\"blink\"}}}}", both.text());
        assertEquals(List.of("PUT identify {identify=blink} [n1]", "PUT identify {identify=blink} [n1, n2]"),
                operations.calls);
    }

    @Test
    void singleNodeAnswersItsEntryFlat() throws Exception {
        Answer answer = https.get("/nodes/n1/power/state");
        assertEquals(200, answer.status(), answer.text());
        assertEquals("{\"state\":{\"value\":\"on\"}}", answer.text());
        assertEquals(List.of("GET power/state {} [n1]"), operations.calls);
    }

    @Test
    void identifyIsReadBackOnBothPathForms() throws Exception {
        operations.answers.put("n1", NodeResult.of(Map.of("identify", Map.of("value", "blink"))));
        operations.answers.put("n2", NodeResult.failed(501,
                "127.0.0.1:623: the BMC does not report its chassis identify state"));
        Answer one = https.get("/nodes/n1/identify");
        assertEquals(200, one.status(), one.text());
        assertEquals("{\"identify\":{\"value\":\"blink\"}}", one.text());
        Answer unsupported = socket.get("/nodes/n2/identify");
        assertError(501, unsupported);
        assertEquals("127.0.0.1:623: the BMC does not report its chassis identify state",
                unsupported.json().get("error").asText());
        Answer both = https.as("watcher", "secret").get("/noderange/n1,n2/identify");
        assertEquals(200, both.status(), both.text());
        assertEquals("{\"databynode\":{\"n1\":{\"identify\":{\"value\":\"blink\"}},\"n2\":{\"error\":"
                + "\"127.0.0.1:623: the BMC does not report its chassis identify state\",\"errorcode\":501}}}",
                both.text());
        assertEquals(List.of("GET identify {} [n1]", "GET identify {} [n2]", "GET identify {} [n1, n2]"),
                operations.calls);
    }

    @Test
    void singleNodeFailureIsTheRequestsStatusWithItsErrorcode() throws Exception {
        operations.answers.put("n1", NodeResult.failed(504, "BMC of n1 did not answer"));
        Answer answer = https.get("/nodes/n1/power/state");
        assertError(504, answer);
        assertEquals("BMC of n1 did not answer", answer.json().get("error").asText());
        operations.answers.put("n1", NodeResult.failed(42, "odd code"));
        answer = https.get("/nodes/n1/power/state");
        assertEquals(500, answer.status(), answer.text());
        assertEquals(42, answer.json().get("errorcode").asInt(), answer.text());
        assertEquals("odd code", answer.json().get("error").asText());
    }

    @Test
    void nodeListingsNameTheOperationsAsTheOriginalsResourceTree() throws Exception {
        assertEquals("{\"_links\":{\"self\":{\"href\":\"./\"},\"item\":[{\"href\":\"attributes/\"},"
                + "{\"href\":\"boot/\"},{\"href\":\"health/\"},{\"href\":\"identify\"},{\"href\":\"inventory/\"},"
                + "{\"href\":\"power/\"},{\"href\":\"sensors/\"}]}}", https.get("/nodes/n1/").text());
        assertEquals(List.of("attributes/", "boot/", "deployment", "health/", "identify", "inventory/", "power/",
                "sensors/", "nodes/"), DaemonApiTest.items(socket.get("/noderange/n1,n2/")));
        // Each sub-collection lists what is below it, with or without the trailing slash, on both path forms.
        for (String base : List.of("/nodes/n1/", "/noderange/n1,n2/")) {
            assertEquals(List.of("state"), DaemonApiTest.items(https.get(base + "power/")), base);
            assertEquals(List.of("state"), DaemonApiTest.items(https.get(base + "power")), base);
            assertEquals(List.of("nextdevice"), DaemonApiTest.items(https.get(base + "boot/")), base);
            assertEquals(List.of("hardware"), DaemonApiTest.items(https.get(base + "health/")), base);
            assertEquals(List.of("hardware/"), DaemonApiTest.items(https.get(base + "inventory/")), base);
            assertEquals(List.of("all/"), DaemonApiTest.items(https.get(base + "inventory/hardware/")), base);
            assertEquals(List.of("all"), DaemonApiTest.items(https.get(base + "inventory/hardware/all/")), base);
            assertEquals(List.of("all"), DaemonApiTest.items(https.get(base + "sensors/hardware/")), base);
        }
        assertEquals(List.of(), operations.calls);
        // A listing of an unknown node or a bad noderange is a 404 as for attributes; a monitor may read them.
        assertError(404, https.get("/nodes/n9/"));
        assertError(404, https.get("/nodes/n9/power/"));
        assertError(404, https.get("/noderange/n1-/power/"));
        assertError(404, https.get("/noderange/n1-/"));
        assertEquals(200, https.as("watcher", "secret").get("/nodes/n1/inventory/").status());
    }

    @Test
    void unknownResourceAndUnknownNodeAre404() throws Exception {
        assertError(404, https.get("/nodes/n1/power/nope"));
        assertError(404, https.put("/noderange/n1,n2/nope", "{}"));
        assertError(404, https.get("/nodes/n9/power/state"));
        assertError(404, https.get("/noderange/n1-/power/state"));
        assertEquals(List.of(), operations.calls);
    }

    @Test
    void attributesAndNodesStayWithTheirResources() throws Exception {
        assertEquals(200, https.get("/nodes/n1/attributes/current").status());
        assertEquals(200, https.get("/noderange/n1,n2/nodes/").status());
        assertEquals(200, https.get("/noderange/n1,n2/attributes/current").status());
        assertError(404, https.get("/nodes/n1/attributes/nope"));
        assertEquals(List.of(), operations.calls);
    }

    @Test
    void badBodiesAre400() throws Exception {
        operations.refusal = RequestException.badRequest("'state' must be one of on, off, ...");
        Answer refused = https.put("/noderange/n1,n2/power/state", "{\"state\":\"sideways\"}");
        assertError(400, refused);
        assertEquals("'state' must be one of on, off, ...", refused.json().get("error").asText());
        assertError(400, https.put("/nodes/n1/power/state", "{\"state\":\"sideways\"}"));
        operations.calls.clear();
        assertError(400, https.put("/nodes/n1/power/state", "[\"on\"]"));
        assertError(400, https.put("/nodes/n1/power/state", "{\"state\":null}"));
        assertError(400, https.put("/noderange/n1/power/state", "{\"state\":"));
        assertEquals(List.of(), operations.calls);
    }

    @Test
    void changesNeedTheChangePermissionAndReadsTheReadOne() throws Exception {
        assertEquals(200, https.as("watcher", "secret").get("/noderange/n1/power/state").status());
        assertError(403, https.as("watcher", "secret").put("/noderange/n1/power/state", "{\"state\":\"on\"}"));
        assertError(403, https.as("watcher", "secret").put("/nodes/n1/power/state", "{\"state\":\"on\"}"));
    }

    @Test
    void forwardedShareRunsFromTheMemberApiOnly() throws Exception {
        String share = "{\"resource\":\"power/state\",\"change\":true,\"input\":{\"state\":\"off\"},"
                + "\"nodes\":[\"n2\",\"n10\"]}";
        HttpResponse<String> answer = postAsMember(share);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("{\"databynode\":{\"n2\":{\"state\":{\"value\":\"on\"}},\"n10\":{\"state\":{\"value\":\"on\"}}}}",
                answer.body());
        assertEquals(List.of("PUT power/state {state=off} [n2, n10] forwarded"), operations.calls);
        operations.calls.clear();

        assertError(403, https.post("/collective/nodeoperations", share));
        assertError(403, socket.post("/collective/nodeoperations", share));
        assertEquals(List.of(), operations.calls);
    }

    @Test
    void forwardedSharesAreChecked() throws Exception {
        for (String bad : List.of("[]", "{\"resource\":\"power/state\",\"change\":\"yes\",\"input\":{},\"nodes\":[]}",
                "{\"resource\":\"power/state\",\"change\":false,\"input\":[],\"nodes\":[]}",
                "{\"resource\":\"power/state\",\"change\":false,\"input\":{},\"nodes\":[\"n1\",7]}",
                "{\"resource\":\"power/state\",\"change\":false,\"input\":{},\"nodes\":\"n1\"}",
                "{\"resource\":7,\"change\":false,\"input\":{},\"nodes\":[]}",
                "{\"resource\":\"power/state\",\"change\":false,\"input\":{},\"nodes\":[],\"more\":1}")) {
            HttpResponse<String> answer = postAsMember(bad);
            assertEquals(400, answer.statusCode(), bad + " -> " + answer.body());
            assertTrue(answer.body().contains("\"errorcode\":400"), answer.body());
        }
        HttpResponse<String> unknown = postAsMember(
                "{\"resource\":\"nope\",\"change\":false,\"input\":{},\"nodes\":[\"n1\"]}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(List.of(), operations.calls);
    }

    private static HttpResponse<String> postAsMember(String body) throws Exception {
        return member.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + server.memberPort() + "/collective/nodeoperations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
