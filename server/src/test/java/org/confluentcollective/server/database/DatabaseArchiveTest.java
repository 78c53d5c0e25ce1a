package org.confluentcollective.server.database;

import static org.confluentcollective.server.database.DatabaseFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.confluentcollective.server.api.ArchiveReport;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.DatabaseArchive;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dump and restore on one member: round trips, passphrases, redaction, replace and merge. */
class DatabaseArchiveTest {

    @TempDir
    Path dir;

    private DatabaseFixture fixture;
    private NodeDatabase db;
    private DatabaseArchive archive;

    @BeforeEach
    void start() throws Exception {
        fixture = new DatabaseFixture(dir);
        db = fixture.db();
        archive = fixture.store().archive();
        db.defineGroup("rack1", text("net.mgt.ipv4_address", "10.1.{n1}.{n2}", "secret.hardwaremanagementpassword", "g-pass",
                "crypted.rootpassword", "root-pw"));
        db.defineNodes("r1u[01-20]", text("groups", "rack1", "location.u", "{n2}"));
        db.updateNodes(List.of("r1u03"), text("secret.hardwaremanagementpassword", "n3-pass"));
        fixture.store().users().addUser("alice", Role.OPERATOR, "alice-pw".toCharArray());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void twoDumpsOfOneDatabaseDifferOnlyInTimeAndSeal() {
        SortedMap<String, String> first = archive.dump(null);
        SortedMap<String, String> second = archive.dump(null);
        assertEquals(List.of("groups.json", "meta.json", "nodes.json", "users.json"), List.copyOf(first.keySet()));
        for (String file : List.of("groups.json", "nodes.json", "users.json")) {
            assertEquals(first.get(file), second.get(file), file);
        }
        assertEquals(withoutTime(first.get("meta.json")), withoutTime(second.get("meta.json")));
        assertFalse(first.get("nodes.json").contains("n3-pass"));
        assertTrue(first.get("groups.json").contains("\"expression\" : \"10.1.{n1}.{n2}\""), first.get("groups.json"));
    }

    @Test
    void aPassphraseDumpRestoresEveryValueAndSecretAndReplacesWhatIsNotInIt() {
        Map<String, Object> before = fixture.viewDump();
        SortedMap<String, String> dump = archive.dump("backup pass".toCharArray());
        assertFalse(String.join("", dump.values()).contains("g-pass"), "no secret in clear");
        db.defineNodes("extra1", Map.of());
        db.updateNodes(List.of("r1u03"), text("secret.hardwaremanagementpassword", "changed", "location.u", "99"));
        db.removeNodes(List.of("r1u05"));
        fixture.store().users().removeUser("alice");

        ArchiveReport report = archive.restore(dump, "backup pass".toCharArray(), false);
        assertEquals(20, report.counts().get("nodes"));
        assertEquals(1, report.counts().get("removed nodes"));
        assertEquals(List.of(), report.skipped());
        assertEquals(before, fixture.viewDump());
        assertEquals("n3-pass", db.values("r1u03", List.of("secret.hardwaremanagementpassword")).get(
                "secret.hardwaremanagementpassword"));
        assertEquals("g-pass", db.values("r1u04", List.of("secret.hardwaremanagementpassword")).get(
                "secret.hardwaremanagementpassword"));
        assertTrue(fixture.store().users().authenticate("alice", "alice-pw".toCharArray()).isPresent());
        SortedMap<String, String> again = archive.dump(null);
        assertEquals(archive.dump(null).get("nodes.json"), again.get("nodes.json"));
    }

    @Test
    void aWrongPassphraseRestoresNothing() {
        SortedMap<String, String> dump = archive.dump("right".toCharArray());
        db.removeNodes(List.of("r1u01"));
        RequestException wrong = assertThrows(RequestException.class,
                () -> archive.restore(dump, "wrong".toCharArray(), false));
        assertEquals(RequestException.Kind.BAD_REQUEST, wrong.kind());
        assertTrue(wrong.getMessage().startsWith("wrong passphrase"), wrong.getMessage());
        RequestException none = assertThrows(RequestException.class, () -> archive.restore(dump, null, false));
        assertTrue(none.getMessage().contains("sealed with a passphrase"), none.getMessage());
        assertFalse(db.nodeExists("r1u01"));
    }

    @Test
    void aRedactedDumpRestoresWithoutSecretsAndMergeKeepsOthers() {
        SortedMap<String, String> dump = archive.dump(null);
        assertTrue(dump.get("meta.json").contains("\"protection\" : \"redacted\""), dump.get("meta.json"));
        db.defineNodes("extra1", Map.of());
        ArchiveReport report = archive.restore(dump, null, true);
        assertEquals(0, report.counts().get("removed nodes"));
        assertTrue(db.nodeExists("extra1"));
        assertTrue(db.values("r1u03", List.of("secret.hardwaremanagementpassword")).isEmpty());
        assertEquals(Boolean.TRUE, db.nodeAttributes("r1u03", AttributeSelection.current()).get("crypted.rootpassword")
                .isSet(), "hashes are kept by a redacted dump");
        assertNotEquals(List.of(), report.notes());
    }

    private static String withoutTime(String meta) {
        return meta.replaceAll("\"time\" : \"[^\"]*\"", "");
    }
}
