package org.confluentcollective.web;

import static org.confluentcollective.web.FuzzInputs.jsonString;
import static org.confluentcollective.web.FuzzInputs.junk;
import static org.confluentcollective.web.FuzzInputs.pick;
import static org.confluentcollective.web.FuzzInputs.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.server.trust.PinnedTrustManager;
import org.confluentcollective.web.FuzzRun.Expect;
import org.confluentcollective.web.FuzzRun.Shot;
import org.confluentcollective.web.NodeOperationsApiTest.RecordingOperations;
import org.confluentcollective.web.RawHttp.Reply;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@code POST /collective/nodeoperations} on the member port, as a pinned member over
 * mutual TLS (raw requests on real sockets): mutated, malformed, deeply nested and oversized
 * shares, wrong types and content types, odd node names and unknown operations, other methods,
 * junk in the path and broken HTTP. Every answer must keep the contract ({@link FuzzRun}); a
 * share runs exactly when it is answered 200; and clients without a pinned certificate get nothing.
 */
@Tag("slow")
class MemberNodeOperationsFuzzTest {

    static final int REQUESTS = 1_200;
    static final String PATH = "/collective/nodeoperations";
    static final String JSON_TYPE = "Content-Type: application/json\r\n";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static StubDatabase database;
    static RecordingOperations operations;
    static ApiServer server;
    static SSLContext member;
    static MemberIdentity identity;

    @BeforeAll
    static void start() throws Exception {
        database = new StubDatabase();
        operations = new RecordingOperations();
        identity = MemberIdentity.loadOrCreate(dir.resolve("state"), "test", List.of(), List.of());
        MemberIdentity peer = MemberIdentity.loadOrCreate(dir.resolve("peer"), "peer", List.of(), List.of());
        char[] password = "pw".toCharArray();
        server = ApiServer.start(
                new ApiServerSettings("127.0.0.1", 0, dir.resolve("run/api.sock"),
                        new TlsIdentity(identity.keyStore(password), password), "127.0.0.1", 0,
                        new PinnedTrustManager(List.of(peer.fingerprint()))),
                ApiApplication.builder().database(database).users(database).quorum(() -> true)
                        .collective(WebLayerTest::noCollective).administration(new RefusingAdministration())
                        .managers(TestApplications.NO_MANAGERS).operations(operations).version("0.1.0").build());
        member = peer.pinnedContext(identity.fingerprint());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void hostileSharesAreRefusedAndNothingRefusedRuns() throws Exception {
        FuzzRun run = new FuzzRun("MemberNodeOperationsFuzzTest", 20_240_611L);
        run.run(REQUESTS, this::shot);
        run.assertNoFailures();
        synchronized (operations) {
            assertEquals(run.count(200), operations.calls.size(), "shares run vs. answered 200, seed " + run.seed);
        }
        assertEquals(List.of(), database.calls, "the member endpoint reached the database, seed " + run.seed);

        Reply after = send(request("POST", PATH, JSON_TYPE,
                "{\"resource\":\"identify\",\"change\":true,\"input\":{\"identify\":\"on\"},\"nodes\":[\"n1\"]}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, after.status(), after.toString());
        assertEquals("{\"databynode\":{\"n1\":{\"state\":{\"value\":\"on\"}}}}", after.body());
    }

    @Test
    void clientsWithoutAPinnedCertificateGetNoAnswer() throws Exception {
        MemberIdentity stranger = MemberIdentity.loadOrCreate(dir.resolve("stranger"), "stranger", List.of(),
                List.of());
        int callsBefore = operations.calls.size();
        byte[] share = request("POST", PATH, JSON_TYPE,
                "{\"resource\":\"power/state\",\"change\":true,\"input\":{\"state\":\"off\"},\"nodes\":[\"n1\"]}"
                        .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
            for (boolean withStrangersCertificate : new boolean[] {true, false}) {
                try (RawHttp connection = withStrangersCertificate
                        ? RawHttp.tls(stranger.pinnedContext(identity.fingerprint()), server.memberPort(),
                        Duration.ofSeconds(5))
                        : RawHttp.tls(server.memberPort(), Duration.ofSeconds(5))) {
                    Reply reply = connection.send(share).read();
                    assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
                } catch (IOException refusedHandshake) {
                    // The expected outcome: TLS 1.3 reports the refused certificate at the first read.
                }
            }
        }
        assertEquals(callsBefore, operations.calls.size());
    }

    private Shot shot(Random r) {
        return switch (r.nextInt(12)) {
            case 0, 1 -> post("mutated share", Expect.ANSWERED, JSON_TYPE, FuzzInputs.mutate(r, validShare(r)));
            case 2, 3 -> post("bad share", Expect.REFUSED, JSON_TYPE, badShare(r).getBytes(StandardCharsets.UTF_8));
            case 4 -> post("odd nodes", Expect.ANSWERED, JSON_TYPE, oddNodes(r).getBytes(StandardCharsets.UTF_8));
            case 5 -> post("malformed JSON", Expect.REFUSED, JSON_TYPE, FuzzInputs.malformedJson(r));
            case 6 -> post("wrong content type", Expect.REFUSED, pick(r, "", "Content-Type: text/plain\r\n",
                    "Content-Type: application/xml\r\n", "Content-Type: application/x-www-form-urlencoded\r\n",
                    "Content-Type: multipart/form-data; boundary=x\r\n", "Content-Type: \r\n",
                    "Content-Type: ;;;\r\n", "Content-Type: application/jsonx\r\n", JSON_TYPE + "Accept: ;;;\r\n",
                    "Content-Type: application/json; charset=\r\n", "Content-Type: /\r\n",
                    JSON_TYPE + "Content-Type: text/plain\r\n", JSON_TYPE + JSON_TYPE), validShare(r));
            case 7 -> oversized(r);
            case 8 -> shot("other method", Expect.REFUSED, request(pick(r, "GET", "PUT", "DELETE", "PATCH", "TRACE",
                    "FOO", "CONNECT"), PATH, JSON_TYPE, validShare(r)));
            case 9 -> shot("junk path", Expect.ANSWERED, request("POST", junkPath(r), JSON_TYPE, validShare(r)));
            case 10 -> shot("broken HTTP", Expect.BROKEN, FuzzInputs.brokenHttp(r, PATH));
            default -> truncated(r);
        };
    }

    private Shot post(String what, Expect expect, String headers, byte[] body) {
        return shot(what, expect, request("POST", PATH, headers, body));
    }

    private Shot shot(String what, Expect expect, byte[] request) {
        return new Shot(FuzzInputs.describe(request) + " (" + what + ", " + request.length + " bytes)", expect,
                () -> send(request), MemberNodeOperationsFuzzTest::dataByNodeWhenRun);
    }

    private static Reply send(byte[] request) throws Exception {
        try (RawHttp connection = RawHttp.tls(member, server.memberPort(), Duration.ofSeconds(15))) {
            try {
                connection.send(request);
            } catch (IOException e) {
                // Refused before the whole request was read, and closed: the answer is there.
            }
            return connection.read();
        }
    }

    private static String dataByNodeWhenRun(Reply reply) {
        if (reply.status() != 200) {
            return null;
        }
        try {
            JsonNode answer = JSON.readTree(reply.body());
            return answer.path("databynode").isObject() ? null : "200 without databynode";
        } catch (IOException e) {
            return "200 that is no JSON: " + e.getMessage();
        }
    }

    /** A share as a member sends it: an operation the stub serves, on a few nodes. */
    private static byte[] validShare(Random r) {
        boolean change = r.nextBoolean();
        String resource = pick(r, "power/state", "identify");
        String input = !change ? "{}" : resource.equals("identify") ? "{\"identify\":\"off\"}" : "{\"state\":\"on\"}";
        return share(resource, change, input, nodes(r, 1 + r.nextInt(4), i -> "\"n" + i + "\""))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String share(String resource, boolean change, String input, String nodes) {
        return "{\"resource\":" + jsonString(resource) + ",\"change\":" + change + ",\"input\":" + input
                + ",\"nodes\":" + nodes + "}";
    }

    private static String nodes(Random r, int count, java.util.function.IntFunction<String> node) {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (int i = 0; i < count; i++) {
            list.add(node.apply(1 + r.nextInt(100)));
        }
        return list.toString();
    }

    /** Shares that break the contract in one place each; all must be refused (400, or 404 for the resource). */
    private static String badShare(Random r) {
        String nodes = "[\"n1\"]";
        return switch (r.nextInt(14)) {
            case 0 -> pick(r, "[]", "null", "7", "\"share\"", "{}", "true", "[{\"resource\":\"identify\"}]");
            case 1 -> "{\"change\":false,\"input\":{},\"nodes\":" + nodes + "}";
            case 2 -> "{\"resource\":\"identify\",\"input\":{},\"nodes\":" + nodes + "}";
            case 3 -> "{\"resource\":\"identify\",\"change\":false,\"nodes\":" + nodes + "}";
            case 4 -> "{\"resource\":\"identify\",\"change\":false,\"input\":{}}";
            case 5 -> share("identify", false, "{}", nodes).replace("}", ",") + jsonString(junk(r, 10)) + ":1}";
            case 6 -> "{\"resource\":" + pick(r, "7", "null", "[]", "{}", "\"\"", "true") + ",\"change\":false,"
                    + "\"input\":{},\"nodes\":" + nodes + "}";
            case 7 -> share(pick(r, "nope", "power", "power/state/", "/power/state", "power/state/../identify",
                    "../../etc/passwd", "power%2Fstate", "POWER/STATE", "identify\u0000", "power/state ")
                    + (r.nextBoolean() ? "" : junk(r, 8)), false, "{}", nodes);
            case 8 -> "{\"resource\":\"identify\",\"change\":" + pick(r, "\"true\"", "1", "0", "null", "[]", "{}")
                    + ",\"input\":{},\"nodes\":" + nodes + "}";
            case 9 -> share("power/state", true, pick(r, "[]", "\"on\"", "1", "null", "{\"state\":null}",
                    "{\"state\":\"\\ud800\"}", "{\"state\":1e999999}", "{\"\\udfff\":\"on\"}"), nodes);
            case 10 -> share("identify", false, "{}", pick(r, "\"n1\"", "{}", "null", "7", "[7]", "[null]", "[\"\"]",
                    "[[\"n1\"]]", "[\"n1\",{}]", "[\"n\\ud800\"]", "[\"n1\",true]"));
            case 11 -> share("identify", false, "{}", nodes).replace("\"change\":false",
                    "\"change\":false,\"change\":true");
            case 12 -> share("power/state", true, "{\"state\":\"on\",\"x\":" + FuzzInputs.nested(1_001 + r.nextInt(5_000),
                    "1") + "}", nodes);
            default -> share("identify", false, "{}", nodes) + pick(r, "x", "{}", ",", "]", "\u0000");
        };
    }

    /** Well-formed shares whose node names or input no user could send; the stub just runs them. */
    private static String oddNodes(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> share("identify", false, "{}", nodes(r, 1 + r.nextInt(5), i -> jsonString(junk(r, 40)
                    .replaceAll("[\\ud800-\\udfff]", "s"))));
            case 1 -> share("identify", false, "{}", "[" + jsonString("n".repeat(10_000 + r.nextInt(39_000))) + "]");
            case 2 -> share("identify", false, "{}", nodes(r, 20_000 + r.nextInt(50_000), i -> "\"n" + i + "\""));
            case 3 -> share("identify", false, "{}", "[" + jsonString(pick(r, "n[1-100000000]", "../../n1", "/", ".",
                    "n1,n2", "@everything", "~.*", "n1\u0000", "n1/../n2", "(((n1)))")) + "]");
            default -> share("power/state", true, "{\"state\":\"on\",\"deep\":" + FuzzInputs.nested(
                    500 + r.nextInt(490), "{\"a\":null}") + "}", "[\"n1\"]");
        };
    }

    /** A body over the 1 MiB limit, with its length declared or chunked. */
    private static Shot oversized(Random r) {
        byte[] body = new byte[1024 * 1024 + 1 + r.nextInt(512 * 1024)];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        if (r.nextBoolean()) {
            return new Shot("POST " + PATH + " (oversized, " + body.length + " bytes)", Expect.REFUSED,
                    () -> send(request("POST", PATH, JSON_TYPE, body)));
        }
        byte[] head = ("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + JSON_TYPE
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunked = FuzzInputs.concat(FuzzInputs.concat(head, body), "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return new Shot("POST " + PATH + " (oversized chunked, " + body.length + " bytes)", Expect.REFUSED,
                () -> send(chunked));
    }

    /** A share cut short: its declared length is not reached before the client ends the connection's output. */
    private static Shot truncated(Random r) {
        byte[] whole = validShare(r);
        byte[] cut = java.util.Arrays.copyOf(whole, r.nextInt(whole.length));
        byte[] head = ("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + JSON_TYPE
                + "Content-Length: " + whole.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return new Shot("POST " + PATH + " (truncated to " + cut.length + " of " + whole.length + " bytes)",
                Expect.REFUSED, () -> {
            try (RawHttp connection = RawHttp.tls(member, server.memberPort(), Duration.ofSeconds(15))) {
                return connection.send(FuzzInputs.concat(head, cut)).endOutput().read();
            }
        });
    }

    /** The endpoint's path with junk where a segment or a query goes, and dot segments. */
    private static String junkPath(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> PATH + "/" + FuzzInputs.pathJunk(r);
            case 1 -> "/collective/" + FuzzInputs.pathJunk(r);
            case 2 -> PATH + "?" + FuzzInputs.pathJunk(r) + "=" + FuzzInputs.pathJunk(r);
            case 3 -> PATH + pick(r, "/", ";x=1", "%2f", "/..", "/../nodeoperations", "/.", "%00", "%0a");
            case 4 -> pick(r, "/collective/%2e%2e/collective/nodeoperations", "//collective/nodeoperations",
                    "/collective//nodeoperations", "/collective/./nodeoperations", "/collective/NODEOPERATIONS",
                    "/collective/nodeoperations%20", "/%63ollective/nodeoperations", "collective/nodeoperations",
                    "*", "http://127.0.0.1/collective/nodeoperations", "/collective/nodeoperations#x");
            default -> "/" + FuzzInputs.pathJunk(r) + "/" + FuzzInputs.pathJunk(r);
        };
    }
}
