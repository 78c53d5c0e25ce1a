package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What each command sends and prints, against a scripted daemon on a Unix socket. */
class CommandsTest {

    @RegisterExtension
    static final LocalDaemon daemon = new LocalDaemon();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = daemon.cli(dir);
    }

    private static void assertRun(CliRunner.Result result, int exitCode, String out, String err) {
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals(out, result.out(), result.toString());
        assertEquals(err, result.err(), result.toString());
    }

    @Test
    void nodeattribSetsEverythingInOnePutToTheEncodedNoderange() {
        daemon.on("PUT /noderange/n1%2Cn2/attributes/all", 200, """
                {"databynode":[{"n1":{"a":{"value":"b=c"}}},{"n1":{"groups":{"value":["x","rack1"]}}},
                 {"n2":{"a":{"value":"b=c"}}},{"n2":{"_warnings":["n2 is also in x"]}}]}""");
        CliRunner.Result result = cli.run("nodeattrib", "n1,n2", "a=b=c", "groups,=x");
        assertRun(result, 0, "n1: a: b=c\nn1: groups: x,rack1\nn2: a: b=c\n", "n2: Warning: n2 is also in x\n");
        assertEquals(List.of("PUT /noderange/n1%2Cn2/attributes/all {\"a\":\"b=c\",\"groups\":{\"prepend\":\"x\"}}"),
                daemon.requests());
    }

    @Test
    void collectiveShowNamesNoZooKeeperLeaderWithoutQuorum() {
        daemon.on("GET /collective/", 200, """
                {"quorum":false,"leader":null,"members":[
                 {"name":"mgt1","role":"voter","address":"10.0.0.1","version":"0.1.0","live":true,"managednodes":0,
                  "zookeeper":"looking"},
                 {"name":"mgt2","role":"voter","address":"10.0.0.2","version":"0.1.0","live":true,"managednodes":0,
                  "zookeeper":"leader"}]}""");
        CliRunner.Result result = cli.run("collective", "show");
        assertTrue(result.out().contains("Leader: unknown\nZooKeeper leader: unknown\n"), result.toString());
        assertTrue(result.out().contains("    mgt1 (voter, ZooKeeper looking, 10.0.0.1,"), result.toString());
    }

    @Test
    void collectiveShowPrintsQuorumLeaderAndMembersAsTheOriginal() {
        daemon.on("GET /collective/", 200, """
                {"quorum":true,"leader":"mgt1","members":[
                 {"name":"mgt1","role":"voter","address":"10.0.0.1","version":"0.1.0","live":true,"managednodes":12,
                  "zookeeper":"follower"},
                 {"name":"mgt3","role":"voter","address":"10.0.0.3","version":"0.1.0","live":true,"managednodes":5,
                  "zookeeper":"leader"},
                 {"name":"mgt2","role":"observer","address":"10.0.0.2","version":"0.1.0","live":false,"managednodes":0,
                  "zookeeper":"unreachable"}]}""");
        assertRun(cli.run("collective", "show"), 0, """
                Quorum: True
                Leader: mgt1
                ZooKeeper leader: mgt3
                Active collective members:
                    mgt1 (voter, ZooKeeper follower, 10.0.0.1, version 0.1.0, 12 managed nodes)
                    mgt3 (voter, ZooKeeper leader, 10.0.0.3, version 0.1.0, 5 managed nodes)
                Offline collective members:
                    mgt2 (observer, ZooKeeper unreachable, 10.0.0.2, version 0.1.0, 0 managed nodes)
                """, "");
    }

    @Test
    void collectiveShowCountsUnmanagedNodesAndRebalanceSaysHowManyMoved() {
        daemon.on("GET /collective/", 200, """
                {"quorum":true,"leader":"mgt1","members":[
                 {"name":"mgt1","role":"voter","address":"10.0.0.1","version":"0.1.0","live":true,"managednodes":12,
                  "zookeeper":"leader"}],"unmanaged":3,"unmanagednodes":"n[1-3]"}""")
                .on("POST /collective/rebalance", 200, "{\"moved\":42}");
        CliRunner.Result shown = cli.run("collective", "show");
        assertTrue(shown.out().endsWith("12 managed nodes)\nUnmanaged nodes: 3 (n[1-3])\n"), shown.toString());
        assertRun(cli.run("collective", "rebalance"), 0, "Moved 42 nodes.\n", "");
    }

    @Test
    void answersServedWithoutQuorumCarryOneWarningOnStderr() {
        daemon.stale(true).on("GET /noderange/n1/attributes/current", 200,
                "{\"databynode\":[{\"n1\":{\"b\":{\"value\":\"2\"}}}]}");
        assertRun(cli.run("nodeattrib", "n1"), 0, "n1: b: 2\n",
                "Warning: this member has no quorum: what it shows may be stale, and changes are refused\n");
    }

    @Test
    void nodeattribShowsCurrentAllOrNamedAttributes() {
        daemon.on("GET /noderange/n1/attributes/current", 200, "{\"databynode\":[{\"n1\":{\"b\":{\"value\":\"2\"}}}]}")
                .on("GET /noderange/n1/attributes/all", 200, "{\"databynode\":[{\"n1\":{\"b\":{\"value\":null}}}]}")
                .on("GET /noderange/n1/attributes/all?attr=net.%2Aswitch&attr=b", 200,
                        "{\"databynode\":[{\"n1\":{\"b\":{\"value\":\"2\",\"inheritedfrom\":\"g\"}}}]}");
        assertRun(cli.run("nodeattrib", "n1"), 0, "n1: b: 2\n", "");
        assertRun(cli.run("nodeattrib", "n1", "all"), 0, "n1: b:\n", "");
        assertRun(cli.run("nodeattrib", "-b", "n1", "net.*switch", "b"), 0, "n1: b: 2 (inherited from group g)\n", "");
    }

    @Test
    void serverErrorsBecomeOneLineAndExitOne() {
        daemon.on("GET /noderange/n1/attributes/all?attr=foo.bar", 400,
                "{\"errorcode\":400,\"error\":\"foo.bar attribute is invalid\"}");
        assertRun(cli.run("nodeattrib", "n1", "foo.bar"), 1, "", "Error: foo.bar attribute is invalid\n");
        assertRun(cli.run("nodeattrib", "n1-"), 1, "", "Error: not scripted: /noderange/n1-/attributes/current\n");
    }

    @Test
    void perNodeErrorsArePrefixedAndFailTheRun() {
        daemon.on("GET /noderange/n1%2Cn2/attributes/current", 200, """
                {"databynode":[{"n1":{"a":{"value":"1"}}},{"n2":{"errorcode":503,"error":"Unavailable"}}]}""");
        assertRun(cli.run("nodeattrib", "n1,n2"), 1, "n1: a: 1\n", "n2: Error: Unavailable\n");
    }

    @Test
    void clearSendsNullsAndPromptSendsTheTypedSecret() {
        daemon.on("PUT /noderange/n1/attributes/all", 200, "{\"databynode\":[]}");
        assertRun(cli.run("nodeattrib", "-c", "n1", "a", "b.*"), 0, "", "");
        assertRun(cli.answering("pw", "pw").run("nodeattrib", "n1", "-p", "secret.ipmipassword"), 0, "", "");
        assertEquals(List.of("PUT /noderange/n1/attributes/all {\"a\":null,\"b.*\":null}",
                "PUT /noderange/n1/attributes/all {\"secret.ipmipassword\":\"pw\"}"), daemon.requests());
    }

    @Test
    void batchFileSendsOnePutPerLine() throws IOException {
        daemon.on("PUT /noderange/r1u%5B1-2%5D/attributes/all", 200, """
                {"databynode":[{"r1u1":{"location.room":{"value":"hall a"}}},{"r1u2":{"location.room":{"value":"hall a"}}}]}""")
                .on("PUT /noderange/n3/attributes/all", 200, "{\"databynode\":[{\"n3\":{\"groups\":{\"value\":[\"g\"]}}}]}");
        Path file = Files.writeString(dir.resolve("batch"), "# comment\nr1u[1-2] 'location.room=hall a'\n\nn3 groups=g\n");
        assertRun(cli.run("nodeattrib", "-s", file.toString()), 0,
                "r1u1: location.room: hall a\nr1u2: location.room: hall a\nn3: groups: g\n", "");
        assertEquals(2, daemon.requests().size());
    }

    @Test
    void mixingShowAndSetIsAUsageError() {
        CliRunner.Result result = cli.run("nodeattrib", "n1", "a=1", "b");
        assertEquals(ExitCode.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("Error: either show attributes"), result.toString());
        assertEquals(List.of(), daemon.requests());
    }

    @Test
    void nodedefineAndNoderemoveReportEachNode() {
        daemon.on("POST /noderange/", 201, "{\"created\":[\"r1u1\",\"r1u2\"]}")
                .on("DELETE /noderange/r1u%5B1-2%5D/", 200, "{\"deleted\":[\"r1u1\",\"r1u2\"]}");
        assertRun(cli.run("nodedefine", "r1u[1-2]", "groups=rack1"), 0, "r1u1: created\nr1u2: created\n", "");
        assertRun(cli.run("noderemove", "r1u[1-2]"), 0, "r1u1: deleted\nr1u2: deleted\n", "");
        assertEquals("POST /noderange/ {\"name\":\"r1u[1-2]\",\"groups\":\"rack1\"}", daemon.requests().get(0));
    }

    @Test
    void noderenamePrintsOldAndNewNames() {
        daemon.on("PUT /noderange/n1%2Cn2/attributes/rename", 200, """
                {"databynode":[{"n1":{"rename":{"value":"x1"}}},{"n2":{"errorcode":409,"error":"x2 already exists"}}]}""");
        assertRun(cli.run("noderename", "n1,n2", "x{n1}"), 1, "n1: x1\n", "n2: Error: x2 already exists\n");
        assertEquals("PUT /noderange/n1%2Cn2/attributes/rename {\"rename\":\"x{n1}\"}", daemon.requests().get(0));
    }

    @Test
    void nodelistPrintsNamesOrAttributes() {
        String items = "{\"_links\":{\"self\":{\"href\":\"./\"},\"item\":[{\"href\":\"n1/\"},{\"href\":\"n2/\"}]}}";
        daemon.on("GET /nodes/", 200, items)
                .on("GET /noderange/rack1/nodes/", 200, items)
                .on("GET /noderange/rack1/attributes/all?attr=location.rack", 200,
                        "{\"databynode\":[{\"n1\":{\"location.rack\":{\"value\":\"1\"}}}]}");
        assertRun(cli.run("nodelist"), 0, "n1\nn2\n", "");
        assertRun(cli.run("nodelist", "rack1", "-d", ","), 0, "n1,n2\n", "");
        assertRun(cli.run("nodelist", "rack1", "location.rack"), 0, "n1: location.rack: 1\n", "");
        assertRun(cli.run("-o", "json", "nodelist"), 0, "[ \"n1\", \"n2\" ]\n", "");
    }

    @Test
    void groupCommands() {
        daemon.on("POST /nodegroups/", 201, "{\"created\":[\"rack1\"]}")
                .on("GET /nodegroups/", 200, "{\"_links\":{\"item\":[{\"href\":\"rack1/\"}]}}")
                .on("GET /nodegroups/rack1/attributes/current", 200,
                        "{\"nodes\":{\"value\":[\"n1\",\"n2\"]},\"location.rack\":{\"value\":\"1\"}}")
                .on("GET /nodegroups/rack1/attributes/all", 200,
                        "{\"nodes\":{\"value\":[\"n1\",\"n2\"]},\"location.rack\":{\"value\":\"1\"},"
                                + "\"location.row\":{\"value\":null}}")
                .on("PUT /nodegroups/rack1/attributes/all", 200,
                        "{\"location.rack\":{\"value\":\"2\"},\"_warnings\":[\"n1 overrides location.rack\"]}")
                .on("PUT /nodegroups/rack1/attributes/rename", 200, "{\"oldname\":\"rack1\",\"newname\":\"rack2\"}")
                .on("DELETE /nodegroups/rack2/", 200, "{\"deleted\":[\"rack2\"]}");
        assertRun(cli.run("nodegroupdefine", "rack1", "location.rack=1"), 0, "rack1: created\n", "");
        assertRun(cli.run("nodegrouplist"), 0, "rack1\n", "");
        assertRun(cli.run("nodegroupattrib", "rack1"), 0, "rack1: location.rack: 1\nrack1: nodes: n1,n2\n", "");
        assertRun(cli.run("nodegroupattrib", "rack1", "location.r*", "bogus"), 1,
                "rack1: location.rack: 1\nrack1: location.row:\n", "Error: bogus attribute is invalid\n");
        assertRun(cli.run("nodegroupattrib", "rack1", "location.rack=2"), 0, "", "Warning: n1 overrides location.rack\n");
        assertRun(cli.run("nodegrouprename", "rack1", "rack2"), 0, "rack1: rack2\n", "");
        assertRun(cli.run("nodegroupremove", "rack2"), 0, "rack2: deleted\n", "");
    }

    @Test
    void userCommands() {
        daemon.on("POST /users/", 201, "{\"created\":[\"alice\"]}")
                .on("GET /users/", 200, "{\"_links\":{\"item\":[{\"href\":\"alice\"}]}}")
                .on("GET /users/alice", 200, "{\"name\":\"alice\",\"role\":\"operator\",\"password\":{\"isset\":true}}")
                .on("PUT /users/alice", 200, "{\"name\":\"alice\",\"role\":\"operator\",\"password\":{\"isset\":true}}")
                .on("DELETE /users/alice", 200, "{\"deleted\":[\"alice\"]}");
        assertRun(cli.with("CONFLUENT_NEW_PASSWORD", "s3cret").run("user", "add", "alice", "--role", "operator"),
                0, "alice: created\n", "");
        assertRun(cli.run("user", "list"), 0, "alice: operator\n", "");
        assertRun(cli.without("CONFLUENT_NEW_PASSWORD").answering("n3w", "n3w").run("user", "passwd", "alice"),
                0, "alice: password changed\n", "");
        assertRun(cli.run("user", "remove", "alice"), 0, "alice: deleted\n", "");
        assertEquals("POST /users/ {\"name\":\"alice\",\"role\":\"operator\",\"password\":\"s3cret\"}", daemon.requests().get(0));
        assertTrue(daemon.requests().contains("PUT /users/alice {\"password\":\"n3w\"}"), daemon.requests().toString());
        CliRunner.Result badRole = cli.run("user", "add", "bob", "--role", "root");
        assertEquals(ExitCode.USAGE, badRole.exitCode(), badRole.toString());
    }

    @Test
    void jsonOutputMergesPerNode() {
        daemon.on("GET /noderange/n1/attributes/current", 200,
                "{\"databynode\":[{\"n1\":{\"a\":{\"value\":\"1\"}}},{\"n1\":{\"b\":{\"isset\":true}}}]}");
        CliRunner.Result result = cli.run("nodeattrib", "n1", "-o", "json");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("{\"n1\":{\"a\":{\"value\":\"1\"},\"b\":{\"isset\":true}}}",
                result.out().replaceAll("\\s", ""));
    }

    @Test
    void aMissingSocketTellsHowToStartTheDaemon() {
        CliRunner.Result result = cli.run("--socket", dir.resolve("none.sock").toString(), "nodelist");
        assertEquals(ExitCode.UNREACHABLE, result.exitCode(), result.toString());
        assertTrue(result.err().startsWith("Error: confluentd is not running") && result.err().contains("--host"),
                result.toString());
        assertEquals(1, result.err().lines().count(), result.toString());
        CliRunner.Result debug = cli.run("--socket", dir.resolve("none.sock").toString(), "nodelist", "--debug");
        assertTrue(debug.err().contains("\tat org.confluentcollective.cli."), "--debug shows the stack trace");
    }

    @Test
    void usageErrorsExitTwoWithAHint() {
        CliRunner.Result result = cli.run("nodeattrib", "-o", "yaml", "n1");
        assertRun(result, ExitCode.USAGE, "", "Error: Invalid value for option '--output': 'yaml' is not one of "
                + "[text, json]\nTry 'confluentctl nodeattrib --help' for more information.\n");
    }

    @Test
    void completionCoversConfluentctlAndTheOriginalNames() {
        CliRunner.Result result = cli.run("completion");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("complete -F _complete_confluentctl"), "root completion");
        assertTrue(result.out().contains("_complete_nodeattrib"), "nodeattrib completion");
    }

    @Test
    void everyOriginalToolHasAWrapperScriptAndASubcommand() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/scripts"))) {
            List<String> names = scripts.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("confluentctl")).sorted().toList();
            assertEquals(OriginalTools.NAMES.stream().sorted().toList(), names);
        }
        for (String name : OriginalTools.NAMES) {
            assertEquals(0, cli.run(name, "--help").exitCode(), name);
        }
    }
}
