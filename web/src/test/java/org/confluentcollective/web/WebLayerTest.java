package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.confluentcollective.server.api.CollectiveStatus;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.web.ApiClient.Answer;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP layer alone (Jetty, Jersey, errors, authentication) over a recording stub database. */
class WebLayerTest {

    @TempDir
    static Path dir;

    static StubDatabase database;
    static ApiServer server;
    static ApiClient https;
    static ApiClient socket;

    @BeforeAll
    static void start() throws Exception {
        database = new StubDatabase();
        MemberIdentity identity = MemberIdentity.loadOrCreate(dir.resolve("state"), "test", List.of(), List.of());
        char[] password = "pw".toCharArray();
        server = ApiServer.start(
                new ApiServerSettings("127.0.0.1", 0, dir.resolve("run/api.sock"),
                        new TlsIdentity(identity.keyStore(password), password)),
                TestApplications.of(database, database, () -> true, WebLayerTest::noCollective, new RefusingAdministration()));
        https = ApiClient.https(server.httpsPort(), identity.fingerprint(), "admin", "secret");
        socket = ApiClient.socket(server.socketPath());
    }

    @AfterAll
    static void stop() throws Exception {
        https.close();
        socket.close();
        server.close();
    }

    @BeforeEach
    void forget() {
        database.calls.clear();
    }

    @Test
    void encodedSlashAndSpecialCharactersReachTheDatabaseDecoded() throws Exception {
        Answer answer = https.get("/noderange/%2Fn%5B0-9%5D%2B%2F,n1%20n2@x%3Dy/nodes/");
        assertEquals(200, answer.status(), answer.text());
        assertEquals(List.of("expand /n[0-9]+/,n1 n2@x=y"), database.calls);
        database.calls.clear();
        assertEquals(200, socket.get("/noderange/~n%5B12%5D/attributes/current").status());
        assertEquals(List.of("expand ~n[12]"), database.calls);
    }

    @Test
    void collectionsAndDatabynodeHaveTheContractShape() throws Exception {
        JsonNode nodes = https.get("/nodes/").json();
        assertEquals("{\"_links\":{\"self\":{\"href\":\"./\"},\"item\":[{\"href\":\"n1/\"},{\"href\":\"n2/\"}]}}", nodes.toString());
        JsonNode data = https.get("/noderange/n1,n2/attributes/current").json();
        assertEquals("{\"databynode\":[{\"n1\":{\"groups\":{\"value\":[\"everything\"]}}},"
                + "{\"n1\":{\"location.rack\":{\"value\":\"7\"}}},{\"n2\":{\"groups\":{\"value\":[\"everything\"]}}},"
                + "{\"n2\":{\"location.rack\":{\"value\":\"7\"}}}]}", data.toString());
        assertEquals("{\"version\":{\"value\":\"0.1.0\"}}", https.get("/version").json().toString());
    }

    @Test
    void attributeInputsAreMappedFromEveryJsonForm() throws Exception {
        Answer answer = https.put("/nodes/n1/attributes/current",
                "{\"a\":\"t\",\"b\":7,\"c\":true,\"d\":null,\"e\":[\"g1\",\"g2\"],\"f\":{\"value\":\"{x}\"},"
                        + "\"g\":{\"expression\":\"{node}\"},\"h\":{\"prepend\":\"g0\"},\"i\":{\"remove\":\"g2\"}}");
        assertEquals(200, answer.status(), answer.text());
        assertEquals(List.of("update [n1] {a=Text[text=t], b=Text[text=7], c=Text[text=true], d=Clear[], "
                + "e=Items[items=[g1, g2]], f=Value[value={x}], g=Expression[template={node}], "
                + "h=Prepend[items=g0], i=Remove[items=g2]}"), database.calls);
    }

    @Test
    void unsupportedAttributeInputIsRefusedNamingTheAttribute() throws Exception {
        for (String body : List.of("{\"x.y\":{\"foo\":\"1\"}}", "{\"x.y\":[1]}", "{\"x.y\":{\"value\":\"1\",\"expression\":\"2\"}}")) {
            Answer answer = https.put("/nodes/n1/attributes/current", body);
            assertError(400, answer);
            assertTrue(answer.json().get("error").asText().contains("x.y"), answer.text());
        }
        assertEquals(List.of(), database.calls);
    }

    @Test
    void malformedJsonIs400NamingTheProblem() throws Exception {
        Answer answer = https.put("/nodes/n1/attributes/current", "{\"a\": ");
        assertError(400, answer);
        assertTrue(answer.json().get("error").asText().startsWith("malformed JSON"), answer.text());
        assertError(400, https.put("/nodes/n1/attributes/current", "{\"a\":1,\"a\":2}"));
        assertError(400, https.put("/nodes/n1/attributes/current", "{\"a\":1} {}"));
        assertError(400, https.put("/nodes/n1/attributes/current", "[1]"));
        assertError(400, https.put("/nodes/n1/attributes/current", ""));
        assertEquals(List.of(), database.calls);
    }

    @Test
    void jerseyAndJettyRefusalsAreJson() throws Exception {
        assertError(404, https.get("/nope"));
        Answer wrongMethod = https.send("PATCH", "/nodes/", "application/json", "{}".getBytes());
        assertError(405, wrongMethod);
        Answer wrongType = https.send("POST", "/nodes/", "text/plain", "name=n1".getBytes());
        assertError(415, wrongType);
        // Jetty refuses ambiguous paths itself, before any application code.
        assertError(400, https.get("/nodes/%2e%2e/%2e%2e/etc"));
        String tooLong = raw("GET /nodes/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(20000) + "\r\n\r\n");
        assertTrue(tooLong.startsWith("HTTP/1.1 431 "), tooLong);
        assertTrue(tooLong.endsWith("{\"errorcode\":431,\"error\":\"Request Header Fields Too Large\"}"), tooLong);
        String garbage = raw("HELLO\r\n\r\n");
        assertTrue(garbage.startsWith("HTTP/1.1 400 ") && garbage.contains("{\"errorcode\":400,"), garbage);
        assertEquals(List.of(), database.calls);
    }

    @Test
    void badNoderangeIs404WithTheParserMessage() throws Exception {
        Answer answer = https.get("/noderange/n1-/nodes/");
        assertError(404, answer);
        assertEquals("bad noderange 'n1-' at column 3: range has no end", answer.json().get("error").asText());
    }

    @Test
    void bodiesOverOneMebibyteAre413WhetherDeclaredOrChunked() throws Exception {
        byte[] big = ("{\"a\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertError(413, https.send("PUT", "/nodes/n1/attributes/current", "application/json", big));

        AsyncRequestContent chunked = new AsyncRequestContent("application/json");
        var request = https.request("PUT", "/nodes/n1/attributes/current").body(chunked);
        var pending = new java.util.concurrent.CompletableFuture<Answer>();
        request.send(result -> {
            var response = result.getResponse();
            pending.complete(new Answer(response.getStatus(), response.getHeaders(), null, ""));
        });
        chunked.write(ByteBuffer.wrap("{\"a\":\"".getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 40 && !pending.isDone(); i++) {
            chunked.write(ByteBuffer.wrap(chunk), Callback.NOOP);
        }
        chunked.close();
        assertEquals(413, pending.get(30, java.util.concurrent.TimeUnit.SECONDS).status());
        assertEquals(List.of(), database.calls);
    }

    @Test
    void httpsNeedsCredentialsAndTheSocketDoesNot() throws Exception {
        try (ApiClient anonymous = ApiClient.https(server.httpsPort(), fingerprint(), null, null)) {
            Answer answer = anonymous.get("/nodes/");
            assertError(401, answer);
            assertEquals("Basic realm=\"confluent\"", answer.headers().get("WWW-Authenticate"));
            // Even unknown paths: nothing is revealed before authentication.
            assertError(401, anonymous.get("/nope"));
            assertError(401, anonymous.as("admin", "wrong").get("/nodes/"));
        }
        assertEquals(200, socket.get("/users/").status());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socketPath())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socketPath().getParent())));
    }

    @Test
    void monitorMayOnlyReadAndNeverSeeUsers() throws Exception {
        ApiClient monitor = https.as("watcher", "secret");
        assertEquals(200, monitor.get("/nodes/n1/attributes/current").status());
        assertError(403, monitor.put("/nodes/n1/attributes/current", "{\"location.rack\":\"8\"}"));
        assertError(403, monitor.post("/nodes/", "{\"name\":\"n3\"}"));
        assertError(403, monitor.delete("/nodes/n1/"));
        assertError(403, monitor.get("/users/"));
        assertEquals(List.of(), database.calls);
    }

    @Test
    void staleSocketIsReplacedAndALiveOneIsNot() throws Exception {
        Path stale = dir.resolve("stale/api.sock");
        Files.createDirectories(stale.getParent());
        try (var crashed = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            crashed.bind(java.net.UnixDomainSocketAddress.of(stale));
        }
        assertTrue(Files.exists(stale), "closing a channel leaves its socket file behind, as a crash does");
        MemberIdentity identity = MemberIdentity.loadOrCreate(dir.resolve("state"), "test", List.of(), List.of());
        char[] password = "pw".toCharArray();
        var settings = new ApiServerSettings("127.0.0.1", 0, stale, new TlsIdentity(identity.keyStore(password), password));
        try (ApiServer second = ApiServer.start(settings, TestApplications.of(database, database, () -> true, WebLayerTest::noCollective, new RefusingAdministration()));
             ApiClient client = ApiClient.socket(stale)) {
            assertEquals(200, client.get("/version").status());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stale)));
            var live = new ApiServerSettings("127.0.0.1", 0, server.socketPath(), settings.tls());
            org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.FileAlreadyExistsException.class,
                    () -> ApiServer.start(live, TestApplications.of(database, database, () -> true, WebLayerTest::noCollective, new RefusingAdministration())).close());
            assertEquals(200, socket.get("/version").status());
        }
        assertTrue(Files.notExists(stale), "a closed server removes its socket");
        try (var left = Files.list(stale.getParent())) {
            assertEquals(List.of(), left.toList(), "no private bind directory is left behind");
        }
    }

    /** Sends bytes as they are over the local socket and returns all the server answers. */
    private static String raw(String request) throws Exception {
        try (var channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            channel.connect(java.net.UnixDomainSocketAddress.of(server.socketPath()));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
            channel.shutdownOutput();
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String fingerprint() {
        return MemberIdentity.loadOrCreate(dir.resolve("state"), "test", List.of(), List.of()).fingerprint();
    }

    static CollectiveStatus noCollective() {
        return new CollectiveStatus(true, "test", List.of());
    }

    static void assertError(int status, Answer answer) {
        assertEquals(status, answer.status(), answer.text());
        JsonNode json = answer.json();
        assertEquals(status, json.get("errorcode").asInt(), answer.text());
        assertTrue(json.get("error").isTextual() && !json.get("error").asText().isBlank(), answer.text());
        assertTrue(answer.headers().get("Content-Type").startsWith("application/json"), answer.headers().toString());
    }
}
