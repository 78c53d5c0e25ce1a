package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.confluentcollective.web.Confluentd;
import org.confluentcollective.web.DaemonConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original tools' habits that scripts rely on, against a real confluentd started in-process.
 * Tests share the daemon, so each works on nodes and groups of its own.
 */
@Tag("slow")
class CompatibilityCommandsTest {

    @TempDir
    static Path state;

    private static Confluentd daemon;

    @TempDir
    Path home;

    private CliRunner local;

    @BeforeAll
    static void start() throws Exception {
        daemon = Confluentd.start(DaemonConfig.builder(state.resolve("member"), "mgmt1")
                .socketPath(state.resolve("api.sock")).build());
        CliRunner.Result admin = new CliRunner(state).with("CONFLUENT_SOCKET", daemon.socketPath().toString())
                .with("CONFLUENT_NEW_PASSWORD", "adminpw").run("user", "add", "root2", "--role", "admin");
        assertEquals(0, admin.exitCode(), admin.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
    }

    @BeforeEach
    void runner() {
        local = new CliRunner(home).with("CONFLUENT_SOCKET", daemon.socketPath().toString());
    }

    private static void assertRun(int exit, String out, String err, CliRunner.Result result) {
        assertEquals(exit, result.exitCode(), result.toString());
        assertEquals(out, result.out(), result.toString());
        assertEquals(err, result.err(), result.toString());
    }

    @Test
    void theOriginalBatchFileFormSetsTheNoderangeOfTheCommandLine() throws Exception {
        assertRun(0, "bf1: created\nbf2: created\n", "", local.run("nodedefine", "bf[1-2]"));
        Path file = home.resolve("settings.batch");
        Files.writeString(file, """
                # rack layout
                location.rack=7 location.room="hall a"   # trailing comment
                info.note='spare # not a comment?'
                """);
        // as the original: everything after a # is a comment, even inside quotes
        CliRunner.Result bad = local.run("nodeattrib", "bf1", "-s", file.toString());
        assertEquals(1, bad.exitCode(), bad.toString());
        Files.writeString(file, "# rack layout\nlocation.rack=7 location.room=\"hall a\"   # trailing comment\n\n");
        assertRun(0, "bf1: location.rack: 7\nbf1: location.room: hall a\nbf2: location.rack: 7\nbf2: location.room: hall a\n",
                "", local.run("nodeattrib", "bf1,bf2", "-s", file.toString()));
        // our own form, without a noderange argument, still works
        Files.writeString(file, "bf2 location.rack=8\n");
        assertRun(0, "bf2: location.rack: 8\n", "", local.run("nodeattrib", "-s", file.toString()));
    }

    @Test
    void groupsThatDoNotExistAreCreatedAndCommaListsOfGroupsWork() {
        assertRun(0, "ga1: created\n", "", local.run("nodedefine", "ga1", "groups=ga-new"));
        assertRun(0, "ga1: groups: ga-new,everything\n", "", local.run("nodeattrib", "ga1", "groups"));
        assertRun(0, "ga1: groups: ga-other,ga-new,everything\n", "", local.run("nodeattrib", "ga1", "groups,=ga-other"));
        assertRun(0, "ga-x: created\nga-y: created\n", "", local.run("nodegroupdefine", "ga-x,ga-y", "info.note=x"));
        assertRun(1, "ga-z: created\n", "group ga-x already exists\n", local.run("nodegroupdefine", "ga-x,ga-z"));
        assertRun(0, "ga-x: deleted\nga-y: deleted\nga-z: deleted\n", "", local.run("nodegroupremove", "ga-x,ga-y,ga-z"));
    }

    @Test
    void maxNodesAsksBeforeActingOnMoreNodes() {
        assertRun(0, "mx1: created\nmx2: created\nmx3: created\n", "", local.run("nodedefine", "mx[1-3]"));
        assertRun(1, "", "Aborting at user request\n",
                local.answering("n").run("nodeattrib", "mx[1-3]", "location.rack=1", "-m", "2"));
        assertRun(0, "mx1: location.rack:\n", "", local.run("nodeattrib", "mx1", "location.rack"));
        assertRun(0, "mx1: location.rack: 1\nmx2: location.rack: 1\nmx3: location.rack: 1\n", "",
                local.answering("y").run("nodeattrib", "mx[1-3]", "location.rack=1", "--maxnodes", "2"));
        assertRun(0, "mx1: location.rack: 2\n", "", local.run("nodeattrib", "mx1", "location.rack=2", "-m", "1"));
        CliRunner.Result noTerminal = local.run("noderemove", "mx[1-3]", "-m", "1");
        assertEquals(1, noTerminal.exitCode(), noTerminal.toString());
        assertTrue(noTerminal.err().startsWith("Error: unexpected prompt: Command is about to affect 3 nodes, continue (y/n)?"),
                noTerminal.toString());
        assertRun(0, "mx1\nmx2\nmx3\n", "", local.run("nodelist", "mx[1-3]"));
        assertRun(0, "mx1: deleted\nmx2: deleted\nmx3: deleted\n", "", local.answering("Y").run("noderemove", "mx[1-3]", "-m", "1"));
    }

    @Test
    void optionFormsExitCodesAndMessagesAsTheOriginals() {
        assertRun(0, "of1: created\nof2: created\n", "", local.run("nodedefine", "of[1-2]"));
        assertRun(0, "of1:of2\n", "", local.run("nodelist", "of1,of2", "--delim", ":"));
        CliRunner.Result usage = local.run("nodeattrib", "of1", "-c", "-p", "info.note");
        assertEquals(1, usage.exitCode(), usage.toString());
        assertTrue(usage.err().startsWith("Error: --clear, --prompt are mutually exclusive"), usage.toString());
        assertFalse(usage.err().contains("Error: Error:"), usage.toString());
        assertRun(1, "", "node of1 already exists\n", local.run("nodedefine", "of1"));
        CliRunner.Result unknown = local.run("nodelist", "of9");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertFalse(unknown.err().startsWith("Error:"), unknown.toString());
        CliRunner.Result empty = local.run("nodelist", "");
        assertEquals(1, empty.exitCode(), empty.toString());
        assertFalse(empty.err().contains("java."), empty.toString());
        assertTrue(empty.err().contains("empty noderange"), empty.toString());
    }

    @Test
    void validAttributesFirstThenTheInvalidOnes() {
        assertRun(0, "va1: created\n", "", local.run("nodedefine", "va1", "location.rack=3"));
        assertRun(1, "va1: location.rack: 3\n", "Error: foo.bar not a valid attribute\n",
                local.run("nodeattrib", "va1", "location.rack", "foo.bar"));
        assertRun(1, "va1: location.rack: 3\n", "Error: foo.bar not a valid attribute\n",
                local.run("nodelist", "va1", "foo.bar", "location.rack"));
        assertRun(1, "va1: location.u: 4\n", "Error: foo.bar attribute is invalid\n",
                local.run("nodeattrib", "va1", "foo.bar=1", "location.u=4"));
        assertRun(0, "va1: location.u: 4\n", "", local.run("nodeattrib", "va1", "location.u"));
        assertRun(1, "", "Error: foo.bar attribute is invalid\n", local.run("nodeattrib", "va1", "foo.bar=1"));
    }

    @Test
    void groupExpressionsPrintAsTheOriginal() {
        assertRun(0, "ge: created\n", "", local.run("nodegroupdefine", "ge", "location.u={n1}"));
        assertRun(0, "ge: location.u:  (will derive from expression {n1})\n", "",
                local.run("nodegroupattrib", "ge", "location.u"));
    }

    @Test
    void theOriginalsEnvironmentVariables() {
        CliRunner https = new CliRunner(home).with("CONFLUENT_HOST", "127.0.0.1:" + daemon.httpsPort())
                .with("CONFLUENT_USER", "root2").with("CONFLUENT_PASSPHRASE", "adminpw")
                .with("CONFLUENT_FINGERPRINT", daemon.fingerprint());
        assertRun(0, "ev1: created\n", "", https.run("nodedefine", "ev1"));
        CliRunner socketPath = new CliRunner(home).with("CONFLUENT_HOST", daemon.socketPath().toString());
        assertRun(0, "ev1\n", "", socketPath.run("nodelist", "ev1"));
    }
}
