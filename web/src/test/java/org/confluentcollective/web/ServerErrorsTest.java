package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web server's own refusals, provoked through raw sockets, carry the API's JSON error body. */
class ServerErrorsTest {

    static final String AUTH = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("admin:secret".getBytes()) + "\r\n";

    @TempDir
    static Path dir;

    static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        StubDatabase database = new StubDatabase();
        MemberIdentity identity = MemberIdentity.loadOrCreate(dir.resolve("state"), "test", List.of(), List.of());
        char[] password = "pw".toCharArray();
        server = ApiServer.start(
                new ApiServerSettings("127.0.0.1", 0, dir.resolve("run/api.sock"),
                        new TlsIdentity(identity.keyStore(password), password)),
                TestApplications.of(database, database, () -> true, WebLayerTest::noCollective,
                        new RefusingAdministration()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static RawHttp.Reply exchange(String request) throws Exception {
        try (RawHttp raw = RawHttp.tls(server.httpsPort(), Duration.ofSeconds(10))) {
            return raw.send(request).read();
        }
    }

    static void assertJsonError(int status, RawHttp.Reply reply) throws Exception {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.head().toLowerCase().contains("content-type: application/json"), reply.toString());
        JsonNode json = ApiClient.JSON.readTree(reply.body());
        assertEquals(status, json.path("errorcode").asInt(), reply.toString());
        assertTrue(json.path("error").isTextual() && !json.path("error").asText().isBlank(), reply.toString());
    }

    @Test
    void badRequestLine() throws Exception {
        assertJsonError(400, exchange("GARBAGE\r\n\r\n"));
    }

    @Test
    void badHeader() throws Exception {
        assertJsonError(400, exchange("GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"));
    }

    @Test
    void invalidChunkSize() throws Exception {
        assertJsonError(400, exchange("POST /nodes/ HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
    }

    @Test
    void bodyTooLarge() throws Exception {
        assertJsonError(413, exchange("POST /nodes/ HTTP/1.1\r\nHost: x\r\n" + AUTH
                + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 999999999\r\n\r\n"));
    }

    @Test
    void uriTooLong() throws Exception {
        assertJsonError(414, exchange("GET /nodes/" + "n".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    @Test
    void headersTooLarge() throws Exception {
        assertJsonError(431, exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"));
    }

    @Test
    void badVersion() throws Exception {
        assertJsonError(505, exchange("GET / HTTP/7.1\r\nHost: x\r\n\r\n"));
    }

    @Test
    void upgradeRequired() throws Exception {
        assertJsonError(426, exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        assertJsonError(426, exchange("GET / HTTP/2.0\r\nHost: x\r\n\r\n"));
    }

    @Test
    void errorsOfOtherMethodsHaveBodiesToo() throws Exception {
        assertJsonError(400, exchange("PUT /nodes/ HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"));
    }

    @Test
    void theSocketAnswersInJsonToo() throws Exception {
        try (RawHttp raw = RawHttp.unix(server.socketPath())) {
            assertJsonError(400, raw.send("POST /nodes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n-5\r\n{}\r\n0\r\n\r\n").read());
        }
    }
}
