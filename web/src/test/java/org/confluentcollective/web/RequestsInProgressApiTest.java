package org.confluentcollective.web;

import static org.confluentcollective.web.WebLayerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.confluentcollective.web.ApiClient.Answer;
import org.confluentcollective.web.auth.RequestsInProgress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 point 4's "a limit on concurrent expensive requests per user", through real HTTPS: a
 * user whose readers stall {@link RequestsInProgress#PER_USER} large streamed answers gets 429
 * for one more request, while another user and the root socket are answered; once those
 * connections are gone the user is served again.
 */
@Tag("slow")
class RequestsInProgressApiTest {

    @TempDir
    Path dir;

    @Test
    void oneUserCannotKeepMoreThanItsShareOfRequestsInProgress() throws Exception {
        try (DaemonFixture fixture = DaemonFixture.start(dir.resolve("state"))) {
            for (String user : List.of("alice", "bob")) {
                Answer created = fixture.socket.post("/users/",
                        "{\"name\":\"" + user + "\",\"role\":\"monitor\",\"password\":\"pw-" + user + "\"}");
                assertEquals(201, created.status(), created.text());
            }
            // Every attribute of 8,000 nodes is tens of MB: more than the socket buffers hold.
            Answer defined = fixture.socket.post("/noderange/", "{\"name\":\"n[1-8000]\",\"location.rack\":\"1\"}");
            assertEquals(201, defined.status(), defined.text());

            String basic = Base64.getEncoder().encodeToString("alice:pw-alice".getBytes(StandardCharsets.UTF_8));
            List<RawHttp> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < RequestsInProgress.PER_USER; i++) {
                    RawHttp reader = RawHttp.tls(fixture.daemon.httpsPort(), Duration.ofSeconds(30));
                    reader.send("GET /noderange/everything/attributes/all HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Basic " + basic + "\r\n\r\n");
                    stalled.add(reader); // never read: the answer stops once the buffers are full
                }
                Thread.sleep(1500);
                for (RawHttp reader : stalled) {
                    String head = reader.head();
                    assertTrue(head.startsWith("HTTP/1.1 200"), "[" + head.replace("\r", "\\r").replace("\n", "\\n") + "]");
                }
                Answer refused = fixture.https.as("alice", "pw-alice").get("/nodes/n1/attributes/current");
                assertError(429, refused);
                assertTrue(refused.text().contains("requests in progress"), refused.text());
                assertEquals(200, fixture.https.as("bob", "pw-bob").get("/nodes/n1/attributes/current").status());
                assertEquals(200, fixture.socket.get("/nodes/n1/attributes/current").status());
            } finally {
                for (RawHttp reader : stalled) {
                    reader.close();
                }
            }
            // The abandoned answers end with their connections, and with them alice's count.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status;
            do {
                Thread.sleep(200);
                status = fixture.https.as("alice", "pw-alice").get("/nodes/n1/attributes/current").status();
            } while (status == 429 && System.nanoTime() < deadline);
            assertEquals(200, status);
        }
    }
}
