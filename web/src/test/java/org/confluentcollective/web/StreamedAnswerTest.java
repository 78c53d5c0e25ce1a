package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.confluentcollective.server.api.CollectiveStatus;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers about many nodes leave node by node (issue 8): the client has the first bytes while
 * the server has not yet read the last node, and a failure after that cuts the answer short
 * instead of completing it.
 */
class StreamedAnswerTest {

    private static final int NODES = 5_000;
    private static final String PATH = "/noderange/everything/attributes/current";

    @TempDir
    static Path dir;

    static StubDatabase database;
    static ApiServer server;
    static ApiClient https;

    @BeforeAll
    static void start() throws Exception {
        database = new StubDatabase();
        MemberIdentity identity = MemberIdentity.loadOrCreate(dir.resolve("state"), "test", List.of(), List.of());
        char[] password = "pw".toCharArray();
        server = ApiServer.start(
                new ApiServerSettings("127.0.0.1", 0, dir.resolve("run/api.sock"),
                        new TlsIdentity(identity.keyStore(password), password)),
                TestApplications.of(database, database, () -> true, () -> new CollectiveStatus(true, null, List.of()),
                        new RefusingAdministration()));
        https = ApiClient.https(server.httpsPort(), identity.fingerprint(), "admin", "secret");
    }

    @AfterAll
    static void stop() throws Exception {
        https.close();
        server.close();
    }

    @BeforeEach
    void manyNodes() {
        database.nodes = IntStream.rangeClosed(1, NODES).mapToObj(i -> "n" + i).toList();
    }

    @Test
    void theFirstBytesArriveBeforeTheLastNodeIsReadAndTheAnswerIsComplete() throws Exception {
        CountDownLatch clientHasFirstBytes = new CountDownLatch(1);
        database.beforeRead = node -> {
            if (node.equals("n" + NODES)) {
                awaitOrFail(clientHasFirstBytes);
            }
        };
        InputStreamResponseListener listener = new InputStreamResponseListener();
        https.request("GET", PATH).send(listener);
        Response response = listener.get(30, TimeUnit.SECONDS);
        assertEquals(200, response.getStatus());
        try (InputStream body = listener.getInputStream()) {
            byte[] first = body.readNBytes(4096);
            assertEquals(4096, first.length);
            clientHasFirstBytes.countDown();
            String text = new String(first, StandardCharsets.UTF_8) + new String(body.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode databynode = ApiClient.JSON.readTree(text).path("databynode");
            assertEquals(2 * NODES, databynode.size());
            assertEquals("{\"n1\":{\"groups\":{\"value\":[\"everything\"]}}}", databynode.get(0).toString());
            assertEquals("{\"n" + NODES + "\":{\"location.rack\":{\"value\":\"7\"}}}",
                    databynode.get(2 * NODES - 1).toString());
        }
    }

    @Test
    void aFailureAfterTheFirstBytesCutsTheAnswerShort() throws Exception {
        database.beforeRead = node -> {
            if (node.equals("n" + NODES)) {
                throw new IllegalStateException("simulated failure in the middle of an answer");
            }
        };
        InputStreamResponseListener listener = new InputStreamResponseListener();
        https.request("GET", PATH).send(listener);
        assertEquals(200, listener.get(30, TimeUnit.SECONDS).getStatus());
        try (InputStream body = listener.getInputStream()) {
            assertThrows(IOException.class, () -> ApiClient.JSON.readTree(body.readAllBytes()),
                    "the client must not get a complete-looking answer");
        }
    }

    @Test
    void aBadNoderangeIsStillRefusedWithAJsonError() throws Exception {
        ApiClient.Answer answer = https.get("/noderange/n1-/attributes/current");
        assertEquals(404, answer.status(), answer.text());
        assertTrue(answer.json().path("error").asText().contains("range has no end"), answer.text());
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the client never saw the first bytes: the answer was not streamed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
