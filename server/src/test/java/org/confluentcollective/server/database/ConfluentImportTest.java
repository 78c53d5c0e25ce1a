package org.confluentcollective.server.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.confluentcollective.server.api.ArchiveReport;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.api.DatabaseArchive;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four sample dumps of the original confluent (src/test/resources/confluent-dump, copied from
 * /work/shared/samples/confluent-dump) import with every node, group, attribute, expression and
 * secret the samples' README describes (its tables, as expected.txt), users logging in with their
 * old passwords; what cannot come over is listed.
 */
class ConfluentImportTest {

    private static final String PASSPHRASE = "sample-passphrase";
    /** The protected values of the samples: 5 secret attributes. */
    private static final List<String> SECRETS = List.of(
            "group everything: secret.hardwaremanagementpassword", "group everything: secret.hardwaremanagementuser",
            "node mgt01: secret.hardwaremanagementpassword", "node r1u01: secret.hardwaremanagementpassword",
            "node s01: custom.nodesecret.apitoken");

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
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void plainWithItsPassphraseImportsEverything() throws Exception {
        ArchiveReport report = archive.importConfluent(sample("plain"), PASSPHRASE.toCharArray(), false);
        assertEquals(List.of(), report.skipped());
        assertEquals(12, report.counts().get("nodes"));
        assertEquals(8, report.counts().get("groups"));
        assertEquals(5, report.counts().get("secrets"));
        assertEverything(true, true);
        assertNotApplied(report);
        assertHashesKept();
        // The counter continues after the dump's max_node_index: a new node does not reuse a number.
        db.defineNodes("new1", Map.of());
        assertEquals("13", db.nodeAttributes("new1", AttributeSelection.current()).get("id.index").value());
    }

    @Test
    void unprotectedImportsEverythingWithoutAPassphrase() throws Exception {
        ArchiveReport report = archive.importConfluent(sample("unprotected"), null, false);
        assertEquals(List.of(), report.skipped());
        assertEverything(true, true);
    }

    @Test
    void skipkeysAloneImportsAllButTheSecretsAndListsThem() throws Exception {
        ArchiveReport report = archive.importConfluent(sample("skipkeys"), null, false);
        assertEquals(SECRETS.size(), report.skipped().size(), report.skipped().toString());
        for (String secret : SECRETS) {
            assertTrue(report.skipped().stream().anyMatch(line -> line.startsWith(secret + ": secret not imported")),
                    secret + " in " + report.skipped());
        }
        assertEverything(false, true);
    }

    @Test
    void skipkeysWithTheKeysOfTheProtectedDumpIsComplete() throws Exception {
        Map<String, String> files = sample("skipkeys");
        files.put("keys.json", sample("plain").get("keys.json"));
        ArchiveReport report = archive.importConfluent(files, PASSPHRASE.toCharArray(), false);
        assertEquals(List.of(), report.skipped());
        assertEverything(true, true);
    }

    @Test
    void redactedImportsAllButSecretsAndUsers() throws Exception {
        ArchiveReport report = archive.importConfluent(sample("redacted"), null, false);
        List<String> expected = new ArrayList<>();
        SECRETS.forEach(s -> expected.add(s + ": redacted in the dump; not imported"));
        expected.add("user admin1: password hash redacted in the dump; not imported");
        expected.add("user oper1: password hash redacted in the dump; not imported");
        assertEquals(new TreeSet<>(expected), new TreeSet<>(report.skipped()));
        assertEverything(false, false);
    }

    @Test
    void aWrongOrMissingPassphraseImportsNothing() throws Exception {
        RequestException wrong = assertThrows(RequestException.class,
                () -> archive.importConfluent(sample("plain"), "not-it".toCharArray(), false));
        assertEquals(RequestException.Kind.BAD_REQUEST, wrong.kind());
        assertTrue(wrong.getMessage().contains("wrong passphrase"), wrong.getMessage());
        RequestException missing = assertThrows(RequestException.class,
                () -> archive.importConfluent(sample("plain"), null, false));
        assertTrue(missing.getMessage().contains("passphrase"), missing.getMessage());
        assertEquals(List.of(), db.nodes());
        assertEquals(List.of("everything"), db.groups());
    }

    /** Every row of the README's tables, read back through the database as a reader sees it. */
    private void assertEverything(boolean secrets, boolean users) throws IOException {
        Map<String, Map<String, String[]>> nodes = new TreeMap<>();
        for (String line : expectedLines()) {
            String[] f = line.split("\\|", -1);
            switch (f[0]) {
                case "nodegroups" -> assertEquals(List.of(f[2].split(",")),
                        db.nodeAttributes(f[1], AttributeSelection.current()).get("groups").items(), line);
                case "members" -> assertEquals(List.of(f[2].split(",")), db.expand(f[1]), line);
                case "group" -> assertGroupAttribute(f, secrets, line);
                case "node" -> nodes.computeIfAbsent(f[1], n -> new TreeMap<>()).put(f[2], f);
                default -> throw new AssertionError(line);
            }
        }
        assertEquals(new TreeSet<>(nodes.keySet()), new TreeSet<>(db.nodes()));
        for (Map.Entry<String, Map<String, String[]>> node : nodes.entrySet()) {
            SortedMap<String, AttributeView> views = db.nodeAttributes(node.getKey(), AttributeSelection.current());
            TreeSet<String> expectedNames = new TreeSet<>(node.getValue().keySet());
            if (!secrets) {
                expectedNames.removeIf(name -> node.getValue().get(name)[5].equals("secret"));
            }
            TreeSet<String> names = new TreeSet<>(views.keySet());
            names.remove("groups");
            assertEquals(expectedNames, names, "attributes of " + node.getKey());
            for (String name : expectedNames) {
                String[] f = node.getValue().get(name);
                AttributeView view = views.get(name);
                String what = node.getKey() + " " + name;
                assertEquals(f[4].equals("node") ? null : f[4], view.inheritedFrom(), what + " inherited from");
                switch (f[5]) {
                    case "value" -> {
                        assertEquals(f[3], view.value(), what);
                        assertNull(view.expression(), what);
                    }
                    case "expression" -> {
                        assertEquals(f[3], view.value(), what);
                        assertEquals(f[6], view.expression(), what);
                    }
                    case "secret" -> {
                        assertEquals(Boolean.TRUE, view.isSet(), what);
                        assertEquals(f[3], db.values(node.getKey(), List.of(name)).get(name), what);
                    }
                    case "crypted" -> assertEquals(Boolean.TRUE, view.isSet(), what);
                    default -> throw new AssertionError(what);
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("compute", "everything", "gpu", "mgmt", "rack1", "rack1compute", "rack2",
                "storage")), new TreeSet<>(db.groups()));
        if (users) {
            assertEquals(Role.ADMIN, fixture.store().users().authenticate("admin1", "Admin1-Login-Pw".toCharArray())
                    .orElseThrow().role());
            assertEquals(Role.OPERATOR, fixture.store().users().authenticate("oper1", "Oper1-Login-Pw".toCharArray())
                    .orElseThrow().role());
            assertTrue(fixture.store().users().authenticate("oper1", "wrong".toCharArray()).isEmpty());
        } else {
            assertEquals(List.of(), fixture.store().users().users());
        }
    }

    private void assertGroupAttribute(String[] f, boolean secrets, String line) {
        AttributeView view = db.groupAttributes(f[1], AttributeSelection.current()).get(f[2]);
        if (!f[4].equals("secret")) {
            assertNotNull(view, line + " in " + db.groupAttributes(f[1], AttributeSelection.current()));
        }
        switch (f[4]) {
            case "value" -> assertEquals(f[3], view.value(), line);
            case "expression" -> assertEquals(f[3], view.expression(), line);
            case "secret" -> {
                if (secrets) {
                    assertEquals(Boolean.TRUE, view.isSet(), line);
                } else {
                    assertNull(view, line);
                }
            }
            case "crypted" -> assertEquals(Boolean.TRUE, view.isSet(), line);
            default -> throw new AssertionError(line);
        }
    }

    private static void assertNotApplied(ArchiveReport report) {
        String all = String.join("\n", report.notes());
        for (String item : List.of("user group hpcadmins", "user group hpcmonitor", "collective member mgt01",
                "collective member mgt02", "user admin1: displayname, id", "user oper1: id")) {
            assertTrue(all.contains(item), item + " in\n" + all);
        }
    }

    /** crypted.* come over as the original's hashes, unchanged (seen in a dump of ours). */
    private void assertHashesKept() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode main = mapper.readTree(sample("plain").get("main.json"));
        SortedMap<String, String> dump = archive.dump(null);
        JsonNode groups = mapper.readTree(dump.get("groups.json"));
        JsonNode nodes = mapper.readTree(dump.get("nodes.json"));
        assertEquals(main.at("/nodegroups/compute/crypted.rootpassword"),
                groups.at("/compute/attributes/crypted.rootpassword"));
        assertEquals(main.at("/nodes/mgt01/crypted.rootpassword"), nodes.at("/mgt01/attributes/crypted.rootpassword"));
        assertNotNull(main.at("/nodes/mgt01/crypted.rootpassword/hashvalue").textValue());
    }

    private static List<String> expectedLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : resource("expected.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    static Map<String, String> sample(String name) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : List.of("main.json", "keys.json", "globals.json", "collective.json")) {
            String text = resourceOrNull(name + "/" + file);
            if (text != null) {
                files.put(file, text);
            }
        }
        return files;
    }

    private static String resource(String path) throws IOException {
        String text = resourceOrNull(path);
        if (text == null) {
            throw new IOException("no test resource confluent-dump/" + path);
        }
        return text;
    }

    private static String resourceOrNull(String path) throws IOException {
        try (InputStream in = ConfluentImportTest.class.getResourceAsStream("/confluent-dump/" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
