package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon restarted on the same state directory keeps its data, users and identity. */
@Tag("slow")
class DaemonRestartTest {

    @TempDir
    Path dir;

    @Test
    void restartKeepsEverything() throws Exception {
        Path state = dir.resolve("state");
        Map<String, JsonNode> before;
        String fingerprint;
        Path socket;
        try (DaemonFixture first = DaemonFixture.start(state)) {
            ApiClient root = first.socket;
            assertEquals(201, root.post("/nodegroups/", "{\"name\":\"rack1\",\"location.rack\":\"1\"}").status());
            assertEquals(201, root.post("/noderange/", "{\"name\":\"k[01-05]\",\"groups\":[\"rack1\"],\"location.u\":\"{n1}\"}").status());
            assertEquals(200, root.put("/noderange/k01/attributes/current", "{\"info.note\":\"first\"}").status());
            assertEquals(201, root.post("/users/", "{\"name\":\"alice\",\"role\":\"operator\",\"password\":\"pw\"}").status());
            before = first.dump();
            fingerprint = first.daemon.fingerprint();
            socket = first.daemon.socketPath();
        }
        assertTrue(Files.notExists(socket), "the socket is removed on close");
        try (DaemonFixture second = DaemonFixture.start(state)) {
            assertEquals(before, second.dump());
            assertEquals(fingerprint, second.daemon.fingerprint());
            assertEquals(200, second.https.as("alice", "pw").get("/nodes/k03/attributes/current").status());
            assertEquals("1", second.socket.get("/nodes/k03/attributes/current").json()
                    .path("location.rack").path("value").asText());
        }
    }
}
