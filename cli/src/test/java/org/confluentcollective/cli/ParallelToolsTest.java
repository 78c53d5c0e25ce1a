package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** noderun and nodeping against a scripted daemon, running real local processes. */
class ParallelToolsTest {

    @RegisterExtension
    static final LocalDaemon daemon = new LocalDaemon();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = daemon.cli(dir);
    }

    private static List<String> sortedLines(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void noderunRunsTheServersExpansionThroughShAndPrefixesEachLine() {
        daemon.on("POST /noderange/n1%2Cn2%2Cn3/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"echo n1 is 1; echo rack 7 | tr 7 8"}},
                 {"n2":{"value":"echo n2 is 2; echo oops >&2; exit 3"}},
                 {"n3":{"broken":"n3: location.rack is not set"}}]}""");
        CliRunner.Result result = cli.run("noderun", "n1,n2,n3", "echo", "{node}", "is", "{n1};", "echo rack {location.rack}");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(List.of("POST /noderange/n1%2Cn2%2Cn3/attributes/expression "
                        + "{\"expression\":\"echo {node} is {n1}; echo rack {location.rack}\"}"),
                daemon.requests());
        assertEquals(List.of("n1: n1 is 1", "n1: rack 8", "n2: n2 is 2"), sortedLines(result.out()));
        // n1's lines keep their order
        assertTrue(result.out().indexOf("n1: n1 is 1") < result.out().indexOf("n1: rack 8"), result.out());
        assertEquals(List.of("n2: [exit code 3]", "n2: oops", "n3: Error: n3: location.rack is not set"),
                sortedLines(result.err()));
    }

    @Test
    void noderunSucceedsWhenEveryNodeDoesAndCanDropThePrefix() {
        daemon.on("POST /noderange/rack1/attributes/expression", 200, """
                {"databynode":[{"r1":{"value":"echo one"}},{"r2":{"value":"echo two"}}]}""");
        CliRunner.Result result = cli.run("noderun", "-n", "rack1", "whatever");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of("one", "two"), sortedLines(result.out()));
        assertEquals("", result.err());
    }

    @Test
    void noderunRunsAtMostCountAtATime() throws Exception {
        Path log = dir.resolve("log");
        StringBuilder answer = new StringBuilder("{\"databynode\":[");
        for (int i = 1; i <= 6; i++) {
            answer.append(i == 1 ? "" : ",").append("{\"n").append(i).append("\":{\"value\":\"echo + >> ")
                    .append(log).append("; sleep 0.3; echo - >> ").append(log).append("\"}}");
        }
        daemon.on("POST /noderange/n%5B1-6%5D/attributes/expression", 200, answer.append("]}").toString());
        long started = System.nanoTime();
        CliRunner.Result result = cli.run("noderun", "-c", "2", "n[1-6]", "x");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, result.exitCode(), result.toString());
        int running = 0;
        int most = 0;
        for (String line : Files.readAllLines(log)) {
            running += line.equals("+") ? 1 : -1;
            most = Math.max(most, running);
        }
        assertEquals(2, most, "at most 2 at a time, and 2 did run together");
        assertTrue(millis >= 900, "three rounds of 0.3 s took " + millis + " ms");
    }

    @Test
    void noderunLeavesOptionsAfterTheNoderangeToTheCommand() {
        daemon.on("POST /noderange/n1/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"printf '%s\\\\n' -c -n"}}]}""");
        CliRunner.Result result = cli.run("noderun", "n1", "printf", "'%s\\n'", "-c", "-n");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(daemon.exchanges().get(0).body().contains("printf '%s\\\\n' -c -n"), daemon.exchanges().toString());
        assertEquals("n1: -c\nn1: -n\n", result.out());
    }

    @Test
    void noderunAndNodeshellAskBeforeRunningOnMoreThanMaxnodes() {
        daemon.on("GET /noderange/n%5B1-3%5D/nodes/", 200, """
                {"_links":{"item":[{"href":"n1/"},{"href":"n2/"},{"href":"n3/"}]}}""");
        daemon.on("POST /noderange/n%5B1-3%5D/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"echo 1"}},{"n2":{"value":"echo 2"}},{"n3":{"value":"echo 3"}}]}""");
        for (String tool : List.of("noderun", "nodeshell")) {
            CliRunner.Result refused = cli.answering("n").run(tool, "-m", "2", "n[1-3]", "echo", "{n1}");
            assertEquals(1, refused.exitCode(), refused.toString());
            assertEquals("", refused.out());
            assertEquals("Aborting at user request\n", refused.err());
            CliRunner.Result noTerminal = cli.run(tool, "--maxnodes", "1", "n[1-3]", "echo", "{n1}");
            assertEquals(1, noTerminal.exitCode(), noTerminal.toString());
            assertTrue(noTerminal.err().contains("Command is about to affect 3 nodes, continue (y/n)?"),
                    noTerminal.toString());
        }
        assertEquals(List.of("GET /noderange/n%5B1-3%5D/nodes/"), daemon.requests().stream().distinct().toList(),
                "nothing evaluated, nothing run");
        CliRunner.Result confirmed = cli.answering("y").run("noderun", "-m", "2", "n[1-3]", "echo", "{n1}");
        assertEquals(0, confirmed.exitCode(), confirmed.toString());
        assertEquals(List.of("n1: 1", "n2: 2", "n3: 3"), sortedLines(confirmed.out()));
        CliRunner.Result within = cli.run("noderun", "-m", "3", "n[1-3]", "echo", "{n1}");
        assertEquals(0, within.exitCode(), within.toString());
        assertEquals(List.of("n1: 1", "n2: 2", "n3: 3"), sortedLines(within.out()));
        // after the noderange, -m belongs to the command, as the original's
        daemon.on("POST /noderange/n1/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"echo -m 1"}}]}""");
        assertEquals("n1: -m 1\n", cli.run("noderun", "n1", "echo", "-m", "1").out());
    }

    @Test
    void noderunWithJsonOutputGivesEachNodesLinesAndExitStatusAtTheEnd() throws Exception {
        daemon.on("POST /noderange/n1%2Cn2%2Cn3%2Cn10/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"echo n1 is 1; echo rack 7 | tr 7 8"}},
                 {"n2":{"value":"echo n2 is 2; echo oops >&2; exit 3"}},
                 {"n10":{"value":"true"}},
                 {"n3":{"broken":"n3: location.rack is not set"}}]}""");
        CliRunner.Result result = cli.run("-o", "json", "noderun", "n1,n2,n3,n10", "echo", "{node}");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("""
                {"n1":{"stdout":["n1 is 1","rack 8"],"stderr":[],"exitcode":0},\
                "n2":{"stdout":["n2 is 2"],"stderr":["oops"],"exitcode":3},\
                "n3":{"error":"n3: location.rack is not set"},\
                "n10":{"stdout":[],"stderr":[],"exitcode":0}}""",
                new ObjectMapper().readTree(result.out()).toString());
        assertEquals("n3: Error: n3: location.rack is not set\n", result.err(), "the reason on stderr too");

        daemon.on("POST /noderange/n1/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"echo fine"}}]}""");
        CliRunner.Result fine = cli.run("noderun", "-o", "json", "n1", "x");
        assertEquals(0, fine.exitCode(), fine.toString());
        assertEquals("{\"n1\":{\"stdout\":[\"fine\"],\"stderr\":[],\"exitcode\":0}}",
                new ObjectMapper().readTree(fine.out()).toString());
    }

    @Test
    void nodeshellWithJsonOutputReportsSshFailuresPerNode() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host n1\n  HostName 127.0.0.1\n  Port " + closed + "\n  LogLevel ERROR\n");
        daemon.on("POST /noderange/n1%2Cn2/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"uptime"}},{"n2":{"error":"no such attribute"}}]}""");
        CliRunner.Result result = cli.with("CONFLUENT_SSH_OPTIONS", "-F " + config)
                .run("nodeshell", "-o", "json", "n1,n2", "uptime");
        assertEquals(1, result.exitCode(), result.toString());
        JsonNode answer = new ObjectMapper().readTree(result.out());
        assertEquals(255, answer.get("n1").get("exitcode").asInt(), result.toString());
        assertEquals("[]", answer.get("n1").get("stdout").toString());
        assertTrue(answer.get("n1").get("stderr").get(0).asText().endsWith("Connection refused"), result.toString());
        assertEquals("{\"error\":\"no such attribute\"}", answer.get("n2").toString());
        assertEquals("n2: Error: no such attribute\n", result.err());
    }

    @Test
    void nodepingWithJsonOutput() throws Exception {
        daemon.on("GET /noderange/localhost%2Cnowhere.invalid/nodes/", 200, """
                {"_links":{"item":[{"href":"localhost/"},{"href":"nowhere.invalid/"}]}}""");
        CliRunner.Result result = cli.run("nodeping", "-o", "json", "localhost,nowhere.invalid");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("{\"localhost\":{\"ping\":true},\"nowhere.invalid\":{\"ping\":false}}",
                new ObjectMapper().readTree(result.out()).toString());
        daemon.on("POST /noderange/n1%2Cn2%2Cn3/attributes/expression", 200, """
                {"databynode":[{"n1":{"value":"127.0.0.1"}},{"n2":{"value":"127.0.0.2"}},{"n3":{"broken":"bad"}}]}""");
        result = cli.run("nodeping", "-o", "json", "-s", "{custom.ip}", "n1,n2,n3");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("{\"n1\":{\"ping\":true,\"name\":\"127.0.0.1\"},\"n2\":{\"ping\":true,\"name\":\"127.0.0.2\"},"
                + "\"n3\":{\"error\":\"bad\"}}", new ObjectMapper().readTree(result.out()).toString());
        assertEquals("n3: Error: bad\n", result.err());
    }

    @Test
    void nodepingPrintsPingOrNoPingAndFailsWhenANodeDidNotAnswer() {
        daemon.on("GET /noderange/localhost%2Cnowhere.invalid/nodes/", 200, """
                {"_links":{"item":[{"href":"localhost/"},{"href":"nowhere.invalid/"}]}}""");
        CliRunner.Result result = cli.run("nodeping", "localhost,nowhere.invalid");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(List.of("localhost: ping", "nowhere.invalid: no_ping"), sortedLines(result.out()));
        assertEquals("", result.err());
    }

    @Test
    void nodepingPingsSubstitutedNamesAndShowsThemUnlessAskedForTheNodeName() {
        String answer = """
                {"databynode":[{"n1":{"value":"127.0.0.1"}},{"n2":{"value":"127.0.0.2"}}]}""";
        daemon.on("POST /noderange/n1%2Cn2/attributes/expression", 200, answer);
        CliRunner.Result result = cli.run("nodeping", "-s", "{custom.ip}", "n1,n2");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of("127.0.0.1: ping", "127.0.0.2: ping"), sortedLines(result.out()));
        assertEquals("{\"expression\":\"{custom.ip}\"}", daemon.exchanges().get(0).body());
        result = cli.run("nodeping", "--origname", "-s", "-ib", "n1,n2");
        assertEquals(List.of("n1: ping", "n2: ping"), sortedLines(result.out()));
        assertEquals("{\"expression\":\"{node}-ib\"}", daemon.exchanges().get(1).body());
    }
}
