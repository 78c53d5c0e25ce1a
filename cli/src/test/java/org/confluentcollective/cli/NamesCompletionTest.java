package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The hidden '_names' subcommand, its cache, and the completion script that uses it. */
class NamesCompletionTest {

    @RegisterExtension
    static final LocalDaemon daemon = new LocalDaemon();

    @TempDir
    Path home;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        daemon.on("GET /nodes/", 200, "{\"_links\":{\"item\":[{\"href\":\"n1/\"},{\"href\":\"n2/\"},{\"href\":\"n10/\"}]}}");
        daemon.on("GET /nodegroups/", 200, "{\"_links\":{\"item\":[{\"href\":\"compute/\"},{\"href\":\"everything/\"}]}}");
        daemon.on("GET /nodegroups/everything/attributes/all", 200, """
                {"location.u":{"value":null},"location.rack":{"value":"7"},"nodes":{"value":["n1"]},
                 "_links":{"self":{"href":"./all"}}}""");
        cli = daemon.cli(home);
    }

    @Test
    void namesComeFromConfluentdOnceAndFromTheCacheForAMinute() throws Exception {
        assertEquals(new CliRunner.Result(0, "n1\nn2\nn10\n", ""), cli.run("_names", "nodes"));
        assertEquals(new CliRunner.Result(0, "compute\neverything\n", ""), cli.run("_names", "groups"));
        assertEquals(new CliRunner.Result(0, "location.rack\nlocation.u\nnodes\n", ""), cli.run("_names", "attributes"));
        assertEquals(3, daemon.exchanges().size());
        Path cache = home.resolve(".cache/confluentctl/nodes");
        assertEquals(List.of("n1", "n2", "n10"), Files.readAllLines(cache));

        daemon.on("GET /nodes/", 200, "{\"_links\":{\"item\":[{\"href\":\"n1/\"},{\"href\":\"n99/\"}]}}");
        assertEquals("n1\nn2\nn10\n", cli.run("_names", "nodes").out(), "still fresh: from the cache");
        assertEquals(3, daemon.exchanges().size());

        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(61)));
        assertEquals("n1\nn99\n", cli.run("_names", "nodes").out(), "older than 60 s: asked again");
        assertEquals(4, daemon.exchanges().size());
        assertEquals(List.of("n1", "n99"), Files.readAllLines(cache));
        assertNotEquals(List.of(), Files.readAllLines(cache));
    }

    @Test
    void anOldCacheServesWhenConfluentdCannotBeReachedAndNothingPrompts() throws Exception {
        CliRunner unreachable = new CliRunner(home).with("CONFLUENT_HOST", "127.0.0.1:1").with("CONFLUENT_USER", "alice");
        CliRunner.Result none = unreachable.run("_names", "groups");
        assertEquals(1, none.exitCode(), none.toString());
        assertEquals("", none.out());
        assertTrue(none.err().startsWith("Error: not prompting for \"Password for alice@127.0.0.1:\""), none.err());

        Path cache = home.resolve(".cache/confluentctl/groups");
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "old1\nold2\n");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(3600)));
        assertEquals(new CliRunner.Result(0, "old1\nold2\n", ""), unreachable.run("_names", "groups"));
    }

    @Test
    void theCacheFollowsXdgCacheHome() throws Exception {
        Path xdg = home.resolve("xdg");
        cli.with("XDG_CACHE_HOME", xdg.toString()).run("_names", "nodes");
        assertTrue(Files.isRegularFile(xdg.resolve("confluentctl/nodes")));
    }

    @Test
    void bashCompletesNoderangesGroupsAndAttributesFromNames() throws Exception {
        String script = cli.run("completion").out();
        Path file = home.resolve("completion.bash");
        Files.writeString(file, script + """
                confluentctl() { case "$2" in nodes) printf 'n1\\nn2\\nn10\\nr1u01\\n' ;;
                  groups) printf 'compute\\nrack1\\n' ;; attributes) printf 'location.rack\\nlocation.u\\nnet.hostname\\n' ;; esac; }
                try() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=()
                  _confluentctl_complete 2>/dev/null; echo "$*|${COMPREPLY[*]}"; }
                try nodeattrib n
                try nodeattrib n1 location.
                try confluentctl --socket /x nodeattrib r
                try confluentctl nodeshell n1,c
                try nodelist compute,-n1
                try nodegroupattrib ""
                try nodeping -c 4 r
                try nodeshell n1 ls
                complete -p nodeping confluentctl
                """);
        Process bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("""
                nodeattrib n|n1 n2 n10
                nodeattrib n1 location.|location.rack location.u
                confluentctl --socket /x nodeattrib r|r1u01 rack1
                confluentctl nodeshell n1,c|n1,compute
                nodelist compute,-n1|compute,-n1 compute,-n10
                nodegroupattrib |compute rack1
                nodeping -c 4 r|r1u01 rack1
                nodeshell n1 ls|
                complete -o default -F _confluentctl_complete nodeping
                complete -o default -F _confluentctl_complete confluentctl
                """, out);
    }
}
