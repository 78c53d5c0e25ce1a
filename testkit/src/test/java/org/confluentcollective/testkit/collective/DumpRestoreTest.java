package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.server.secrets.PassphraseSeal;
import org.confluentcollective.testkit.MemberProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confluentctl dump} and {@code restore} on a running collective of three members with
 * 10,000 nodes: a dump taken on one member, the database changed, the dump restored on another
 * member, and a new dump equals the first (secrets compared opened); a wrong passphrase restores
 * nothing; a redacted dump restores without secrets.
 */
@Tag("slow")
class DumpRestoreTest {

    private static final Map<String, String> PASSPHRASE = Map.of("CONFLUENT_DUMP_PASSPHRASE", "backup-pass");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final Cluster cluster = new Cluster();

    @TempDir
    Path dumps;

    @Test
    void aDumpRestoredOnAnotherMemberGivesEqualDumps() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        List<MemberProcess> members = cluster.form(m1, "m2", "m3");
        cluster.assertAgree(3, 0);
        MemberProcess m2 = members.get(1);
        MemberProcess m3 = members.get(2);

        m1.ok("nodegroupdefine", "rack", "net.mgt.ipv4_address=10.{n1/256}.{n1%256}.1",
                "secret.hardwaremanagementpassword=group-pass", "crypted.rootpassword=root-pw", "location.row=A");
        m1.ok("nodegroupdefine", "gpu", "custom.accel=h100");
        m1.ok("nodedefine", "n[1-10000]", "groups=gpu,rack", "location.u={n1}", "custom.note=bulk");
        m2.ok("nodeattrib", "n[1-100]", "secret.hardwaremanagementpassword=node-pass");
        m1.ok(Map.of("CONFLUENT_NEW_PASSWORD", "op-pass"), "user", "add", "op1", "-r", "operator");

        Path first = dumps.resolve("first");
        m2.ok(PASSPHRASE, "dump", first.toString());
        Path redacted = dumps.resolve("redacted");
        m3.ok("dump", "--redact", redacted.toString());
        JsonNode meta = JSON.readTree(first.resolve("meta.json").toFile());
        assertEquals(10_000, meta.path("counts").path("nodes").asInt());
        assertEquals(101, meta.path("counts").path("secrets").asInt());

        // Change everything a restore must undo, on a third member.
        m3.ok("nodeattrib", "n[1-50]", "location.rack=99", "secret.hardwaremanagementpassword=changed");
        m3.ok("noderemove", "n[9001-10000]");
        m3.ok("nodedefine", "extra[1-5]");
        m3.ok("nodegroupdefine", "late");
        m3.ok("user", "remove", "op1");

        CliRunner.Result wrong = m1.ctl(Map.of("CONFLUENT_DUMP_PASSPHRASE", "not-it"), "restore", first.toString());
        assertEquals(1, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("wrong passphrase"), wrong.toString());
        // Nothing was restored: the changes are all still there. They were made on m3, and m1's copy
        // may trail by a moment, so wait for it (a restore that did happen would never show them).
        Cluster.awaitEqual("extra1\n", () -> nodelist(m1, "extra1"), "nodelist extra1 on m1");
        Cluster.awaitEqual("n1: location.rack: 99\n", () -> m1.ok("nodeattrib", "n1", "location.rack").out(),
                "n1's rack on m1");

        CliRunner.Result restored = m3.ok(PASSPHRASE, "restore", first.toString());
        assertTrue(restored.out().contains("10000 nodes"), restored.out());
        assertTrue(restored.out().contains("1000 removed nodes") || restored.out().contains("5 removed nodes"),
                restored.out());

        Path second = dumps.resolve("second");
        m1.ok(PASSPHRASE, "dump", second.toString());
        assertSameDumps(first, second);
        Path redactedAgain = dumps.resolve("redacted-again");
        m2.ok("dump", "--redact", redactedAgain.toString());
        for (String file : List.of("nodes.json", "groups.json", "users.json")) {
            assertEquals(Files.readString(redacted.resolve(file)), Files.readString(redactedAgain.resolve(file)), file);
        }
        assertEquals(withoutTimeAndMember(redacted), withoutTimeAndMember(redactedAgain));

        // A redacted dump restores everything but the secrets.
        m2.ok("restore", redacted.toString());
        // Restored through m2: m2 sees its own writes at once, m1's copy may trail by a moment.
        String onM2 = m2.ok("nodeattrib", "n1", "secret.hardwaremanagementpassword").out();
        assertFalse(onM2.contains("********"), onM2);
        Cluster.awaitEqual(onM2, () -> m1.ok("nodeattrib", "n1", "secret.hardwaremanagementpassword").out(),
                "n1's secret on m1");
        String secret = m1.ok("nodeattrib", "n1", "secret.hardwaremanagementpassword").out();
        assertFalse(secret.contains("********"), secret);
        Path afterRedacted = dumps.resolve("after-redacted");
        m1.ok("dump", "--redact", afterRedacted.toString());
        assertEquals(Files.readString(redacted.resolve("groups.json")).replace("\"secret.hardwaremanagementpassword\"", ""),
                Files.readString(afterRedacted.resolve("groups.json")).replace("\"secret.hardwaremanagementpassword\"", ""));
        assertEquals(0, JSON.readTree(afterRedacted.resolve("meta.json").toFile()).path("counts").path("secrets").asInt());
        assertNotEquals(0, JSON.readTree(redacted.resolve("meta.json").toFile()).path("counts").path("secrets").asInt());
    }

    /** {@code nodelist} on {@code member}: its output, or the whole result while it fails (a node not held yet). */
    private static String nodelist(MemberProcess member, String noderange) {
        CliRunner.Result result = member.ctl("nodelist", noderange);
        return result.exitCode() == 0 ? result.out() : result.toString();
    }

    /** Equal but for the meta time and member, the salt and the sealed values, which must open to the same texts. */
    @Test
    void aDumpOfTheOriginalConfluentImportsThroughTheCli() throws Exception {
        MemberProcess m1 = cluster.start("m1");
        // One of the original's own dumps (server's test resources; maven runs this in testkit/).
        Path dump = Path.of("..", "server", "src", "test", "resources", "confluent-dump", "unprotected")
                .toAbsolutePath().normalize();
        m1.ok("import", dump.toString());
        assertEquals("login-1: custom.role: login\n", m1.ok("nodeattrib", "login-1", "custom.role").out());
        CliRunner.Result notADump = m1.ctl("import", dump.getParent().toString());
        assertEquals(1, notADump.exitCode(), notADump.toString());
        assertTrue(notADump.err().contains("has no main.json"), notADump.toString());
    }

    private static void assertSameDumps(Path a, Path b) throws Exception {
        assertEquals(Files.readString(a.resolve("users.json")), Files.readString(b.resolve("users.json")));
        assertEquals(opened(a, "nodes.json"), opened(b, "nodes.json"));
        assertEquals(opened(a, "groups.json"), opened(b, "groups.json"));
        JsonNode metaA = JSON.readTree(a.resolve("meta.json").toFile());
        JsonNode metaB = JSON.readTree(b.resolve("meta.json").toFile());
        assertEquals(metaA.path("counts"), metaB.path("counts"));
    }

    /** A dump file with each sealed value replaced by its clear text. */
    private static String opened(Path dump, String file) throws Exception {
        JsonNode secrets = JSON.readTree(dump.resolve("meta.json").toFile()).path("secrets");
        PassphraseSeal seal = PassphraseSeal.of("backup-pass".toCharArray(),
                Base64.getDecoder().decode(secrets.path("salt").asText()), secrets.path("iterations").asInt());
        JsonNode entries = JSON.readTree(dump.resolve(file).toFile());
        String kind = file.equals("nodes.json") ? "node" : "group";
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> attrs = entry.getValue().path("attributes").fields();
                 attrs.hasNext(); ) {
                Map.Entry<String, JsonNode> attr = attrs.next();
                if (attr.getValue().has("sealed")) {
                    String clear = seal.open(attr.getValue().path("sealed").asText(),
                            kind + ":" + entry.getKey() + ":" + attr.getKey());
                    ((ObjectNode) attr.getValue()).removeAll().put("clear", clear);
                }
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries);
    }

    private static JsonNode withoutTimeAndMember(Path dump) throws Exception {
        ObjectNode meta = (ObjectNode) JSON.readTree(dump.resolve("meta.json").toFile());
        meta.remove("time");
        meta.remove("member");
        return meta;
    }
}
