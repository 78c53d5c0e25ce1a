package org.confluentcollective.cli.zk;

import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.cli.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code zk} sends and prints, against a scripted daemon on a Unix socket. */
class ZkCommandTest {

    private static final String STAT = """
            {"czxid":"0x10000001a","mzxid":"0x10000002b","pzxid":"0x10000001a","ctime":1700000000000,
             "mtime":1700000123000,"version":3,"cversion":0,"aversion":0,"ephemeralowner":"0x0",
             "datalength":57,"numchildren":0}""";

    @TempDir
    static Path shared;

    private static ScriptedApi daemon;

    @TempDir
    Path home;

    private CliRunner cli;

    @BeforeAll
    static void start() throws Exception {
        daemon = new ScriptedApi(shared.resolve("api.sock"));
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
    }

    @BeforeEach
    void runner() {
        daemon.reset();
        cli = new CliRunner(home).with("CONFLUENT_SOCKET", daemon.socket().toString());
    }

    private static void assertRun(CliRunner.Result result, int exitCode, String out, String err) {
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals(out, result.out(), result.toString());
        assertEquals(err, result.err(), result.toString());
    }

    @Test
    void lsPrintsTheChildrenLikeZkCli() {
        daemon.on("GET /zookeeper/ls?path=%2Fconfluent%2Fv1", 200,
                "{\"path\":\"/confluent/v1\",\"children\":[\"collective\",\"counters\",\"groups\",\"nodes\",\"users\"]}");
        assertRun(cli.run("zk", "ls", "/confluent/v1"), 0, "[collective, counters, groups, nodes, users]\n", "");
        assertEquals(List.of("GET /zookeeper/ls?path=%2Fconfluent%2Fv1"), daemon.requests());
    }

    @Test
    void jsonOutputIsTheServersAnswer() {
        daemon.on("GET /zookeeper/ls?path=%2F", 200, "{\"path\":\"/\",\"children\":[\"zookeeper\"]}");
        assertRun(cli.run("zk", "ls", "/", "-o", "json"), 0, """
                {
                  "path" : "/",
                  "children" : [ "zookeeper" ]
                }
                """, "");
    }

    @Test
    void getPrintsTheDataAloneWithThePathEncodedAsOneQueryValue() {
        daemon.on("GET /zookeeper/get?path=%2Fconfluent%2Fv1%2Fusers%2Fa%40b.c%26d%3De", 200,
                "{\"path\":\"/confluent/v1/users/a@b.c&d=e\",\"data\":\"{\\\"role\\\":\\\"admin\\\","
                        + "\\\"passwordHash\\\":\\\"********\\\"}\",\"stat\":" + STAT + "}")
                .on("GET /zookeeper/get?path=%2Fempty", 200, "{\"path\":\"/empty\",\"data\":null,\"stat\":" + STAT + "}");
        assertRun(cli.run("zk", "get", "/confluent/v1/users/a@b.c&d=e"), 0,
                "{\"role\":\"admin\",\"passwordHash\":\"********\"}\n", "");
        assertRun(cli.run("zk", "get", "/empty"), 0, "null\n", "");
    }

    @Test
    void statPrintsZkClisLinesInZkClisOrder() {
        daemon.on("GET /zookeeper/stat?path=%2Fconfluent%2Fv1%2Fnodes%2Fec%2Fn1", 200,
                "{\"path\":\"/confluent/v1/nodes/ec/n1\",\"stat\":" + STAT + "}");
        assertRun(cli.run("zk", "stat", "/confluent/v1/nodes/ec/n1"), 0, """
                cZxid = 0x10000001a
                ctime = %s
                mZxid = 0x10000002b
                mtime = %s
                pZxid = 0x10000001a
                cversion = 0
                dataVersion = 3
                aclVersion = 0
                ephemeralOwner = 0x0
                dataLength = 57
                numChildren = 0
                """.formatted(new Date(1700000000000L), new Date(1700000123000L)), "");
    }

    @Test
    void treePrintsOnePathPerLineAndWarnsWhenTheLimitCutItShort() {
        daemon.on("GET /zookeeper/tree?path=%2Fconfluent&limit=3", 200, """
                {"path":"/confluent","limit":3,"paths":["/confluent","/confluent/v1","/confluent/v1/collective"],
                 "truncated":true}""")
                .on("GET /zookeeper/tree?path=%2Fconfluent%2Fv1%2Fusers", 200, """
                {"path":"/confluent/v1/users","limit":1000,"paths":["/confluent/v1/users","/confluent/v1/users/alice"],
                 "truncated":false}""");
        assertRun(cli.run("zk", "tree", "/confluent", "--limit", "3"), 0,
                "/confluent\n/confluent/v1\n/confluent/v1/collective\n",
                "Warning: stopped after 3 paths; give --limit N to list more\n");
        assertRun(cli.run("zk", "tree", "/confluent/v1/users"), 0,
                "/confluent/v1/users\n/confluent/v1/users/alice\n", "");
        assertEquals(List.of("GET /zookeeper/tree?path=%2Fconfluent&limit=3",
                "GET /zookeeper/tree?path=%2Fconfluent%2Fv1%2Fusers"), daemon.requests());
    }

    @Test
    void refusalsAndMissingZnodesAreOneErrorLineWithTheirExitStatus() {
        daemon.on("GET /zookeeper/get?path=%2Fnope", 404, "{\"errorcode\":404,\"error\":\"no znode /nope\"}")
                .on("GET /zookeeper/ls?path=%2F", 403,
                        "{\"errorcode\":403,\"error\":\"user watcher (role monitor) may not do this (administrators only)\"}")
                .on("GET /zookeeper/stat?path=x", 400,
                        "{\"errorcode\":400,\"error\":\"invalid znode path 'x': it must start with '/'\"}");
        assertRun(cli.run("zk", "get", "/nope"), 1, "", "Error: no znode /nope\n");
        assertRun(cli.run("zk", "ls", "/"), 4, "", "Error: user watcher (role monitor) may not do this (administrators only)\n");
        assertRun(cli.run("zk", "stat", "x"), 1, "", "Error: invalid znode path 'x': it must start with '/'\n");
    }

    @Test
    void aMissingOrEmptyPathIsAUsageError() {
        CliRunner.Result missing = cli.run("zk", "ls");
        assertEquals(ExitCode.USAGE, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("PATH"), missing.toString());
        CliRunner.Result empty = cli.run("zk", "get", "");
        assertEquals(ExitCode.USAGE, empty.exitCode(), empty.toString());
        assertTrue(empty.err().startsWith("Error: PATH must not be empty"), empty.toString());
        assertEquals(List.of(), daemon.requests());
    }
}
