package org.confluentcollective.server.database;

import static org.confluentcollective.server.database.DatabaseFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records above the limit are refused before anything is sent, and bulk changes are cut from
 * the records as they will be: no change can exceed ZooKeeper's packet limit and drop the session.
 */
class RecordLimitTest {

    @TempDir
    Path dir;

    private DatabaseFixture fixture;
    private NodeDatabase db;

    @BeforeEach
    void start() throws Exception {
        fixture = new DatabaseFixture(dir);
        db = fixture.db();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void oneValueAboveTheLimitIsRefusedNamingTheNodeAndChangesNothing() throws Exception {
        db.defineNodes("n[1-3]", text("location.rack", "1"));
        db.defineGroup("rack1", Map.of());
        Map<String, String> before = fixture.rawDump();
        String huge = "x".repeat(2 * 1024 * 1024);

        RequestException node = assertThrows(RequestException.class,
                () -> db.updateNodes(List.of("n1", "n2", "n3"), text("info.note", huge)));
        assertEquals(RequestException.Kind.TOO_LARGE, node.kind());
        assertTrue(node.getMessage().contains("node n1") && node.getMessage().contains("2097"), node.getMessage());
        RequestException group = assertThrows(RequestException.class,
                () -> db.updateGroup("rack1", text("info.note", huge)));
        assertTrue(group.getMessage().contains("group rack1"), group.getMessage());
        RequestException created = assertThrows(RequestException.class,
                () -> db.defineNodes("m1", text("info.note", huge)));
        assertEquals(RequestException.Kind.TOO_LARGE, created.kind());

        assertEquals(before, fixture.rawDump());
        assertTrue(fixture.store().quorum().hasQuorum(), "the member is not locked down");
        db.updateNodes(List.of("n2"), text("location.rack", "2"));   // and takes changes at once
    }

    @Test
    void aBulkChangeThatGrowsRecordsIsCutFromTheRecordsAfterIt() throws Exception {
        db.defineNodes("n[1-40]", Map.of());
        String value = "v".repeat(100 * 1024);
        // 40 x 100 KiB: one multi cut from the records before the change (a few bytes each)
        // would be 4 MiB and drop the session.
        db.updateNodes(db.expand("n[1-40]"), text("info.note", value));
        assertTrue(fixture.store().quorum().hasQuorum(), "the member is not locked down");
        for (String node : db.expand("n[1-40]")) {
            assertEquals(value, db.nodeAttributes(node, new AttributeSelection(false, List.of("info.note")))
                    .get("info.note").value());
        }
    }

    @Test
    void aBulkChangeWithOneRecordOverTheLimitChangesNoNode() throws Exception {
        db.defineNodes("n[1-40]", Map.of());
        db.updateNodes(List.of("n33"), text("location.room", "c".repeat(200 * 1024)));
        Map<String, String> before = fixture.rawDump();

        RequestException refused = assertThrows(RequestException.class,
                () -> db.updateNodes(db.expand("n[1-40]"), text("info.note", "v".repeat(100 * 1024))));
        assertEquals(RequestException.Kind.TOO_LARGE, refused.kind());
        assertTrue(refused.getMessage().contains("node n33"), refused.getMessage());
        assertEquals(before, fixture.rawDump(), "nothing is half-written");
        assertTrue(fixture.store().quorum().hasQuorum());
    }
}
