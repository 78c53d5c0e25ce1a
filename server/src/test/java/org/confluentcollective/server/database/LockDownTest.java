package org.confluentcollective.server.database;

import static org.confluentcollective.server.database.DatabaseFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a quorum a member refuses every change at once with {@code no quorum}, keeps
 * answering reads from its copy, and unlocks by itself when the quorum is back.
 */
class LockDownTest {

    @TempDir
    Path dir;

    @Test
    void changesAreRefusedWithoutQuorumAndAcceptedAgainAfter() throws Exception {
        try (DatabaseFixture fixture = new DatabaseFixture(dir)) {
            NodeDatabase db = fixture.db();
            db.defineNodes("n1,n2", text("location.rack", "1"));
            Map<String, Object> before = fixture.viewDump();

            fixture.stopZooKeeper();
            await(() -> !fixture.store().quorum().hasQuorum());
            assertFalse(fixture.store().quorum().hasQuorum());

            long started = System.nanoTime();
            for (Runnable change : List.<Runnable>of(
                    () -> db.updateNodes(List.of("n1"), text("location.rack", "2")),
                    () -> db.defineNodes("n3", Map.of()),
                    () -> db.removeNodes(List.of("n2")),
                    () -> db.defineGroup("rack9", Map.of()),
                    () -> fixture.store().users().addUser("eve", Role.ADMIN, "pw".toCharArray()))) {
                RequestException refused = assertThrows(RequestException.class, change::run);
                assertEquals(RequestException.Kind.UNAVAILABLE, refused.kind());
                assertEquals("no quorum", refused.getMessage());
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "refused at once");
            assertEquals(before, fixture.viewDump(), "reads are served from the last-known copy");

            fixture.startZooKeeper();
            await(() -> fixture.store().quorum().hasQuorum());
            db.updateNodes(List.of("n1"), text("location.rack", "2"));
            assertEquals("2", db.nodeAttributes("n1", new AttributeSelection(false, List.of("location.rack")))
                    .get("location.rack").value());
            assertEquals(List.of("n1", "n2"), db.nodes(), "nothing refused was half-done");
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
