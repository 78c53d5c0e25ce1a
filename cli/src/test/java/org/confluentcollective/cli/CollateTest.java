package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** collate's output for fixed input, as the original's textgroup prints it. */
class CollateTest {

    private static final String RULE = "====================================\n";

    private static final String INPUT = """
            n1: Linux 6.1
            n2: Linux 6.1
            n10: Linux 6.1
            n3: Linux 5.14
            n1:  second line
            n2:  second line
            n10:  second line
            n3:  second line
            n4: Linux 6.1
            n4:  other
            """;

    @TempDir
    Path home;

    private CliRunner.Result collate(String input, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "collate";
        System.arraycopy(options, 0, args, 1, options.length);
        return new CliRunner(home).input(input).run(args);
    }

    @Test
    void groupsIdenticalOutputsBiggestFirst() {
        CliRunner.Result result = collate(INPUT);
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(RULE + "n1,n2,n10\n" + RULE + "Linux 6.1\n second line\n\n"
                + RULE + "n3\n" + RULE + "Linux 5.14\n second line\n\n"
                + RULE + "n4\n" + RULE + "Linux 6.1\n other\n\n", result.out());
    }

    @Test
    void abbreviatesCountsReversesAndSkipsTheCommonOutput() {
        String input = "n1: a\nn2: a\nn3: a\nn5: a\nn4: b\nn6: b\nn7: c\n";
        assertEquals(RULE + "n[1-3,5]\n" + RULE + "Count: 4\n" + RULE + "a\n\n"
                + RULE + "n[4,6]\n" + RULE + "Count: 2\n" + RULE + "b\n\n"
                + RULE + "n7\n" + RULE + "Count: 1\n" + RULE + "c\n\n", collate(input, "-a", "-c").out());
        assertEquals(RULE + "n7\n" + RULE + "c\n\n" + RULE + "n4,n6\n" + RULE + "b\n\n",
                collate(input, "-r", "-s").out());
        assertEquals("3\n", collate(input, "-g").out());
    }

    @Test
    void linesWithoutANodeBelongToUnknownAndTheCommonIndentIsDropped() {
        String input = "n1:    x\nn1:      y\nplain text\n";
        assertEquals(RULE + "n1\n" + RULE + "   x\n     y\n\n"
                + RULE + "UNKNOWN\n" + RULE + "plain text\n\n", collate(input).out());
    }

    @Test
    void emptyInputPrintsNothing() {
        CliRunner.Result result = collate("");
        assertEquals(0, result.exitCode());
        assertEquals("", result.out());
    }
    /** n1-n3 give BASE; n4 changes two lines far apart, n5 adds one at the end. */
    private static final List<String> BASE = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");

    private static String diffInput() {
        StringBuilder input = new StringBuilder();
        for (String node : List.of("n1", "n2", "n3", "n4", "n5")) {
            List<String> lines = new ArrayList<>(BASE);
            if (node.equals("n4")) {
                lines.set(1, "zwei");
                lines.set(10, "XI");
            } else if (node.equals("n5")) {
                lines.add("thirteen");
            }
            lines.forEach(line -> input.append(node).append(": ").append(line).append('\n'));
        }
        return input.toString();
    }

    private static final String BASE_TEXT = String.join("\n", BASE) + "\n";
    // as textgroup's colordiff prints them (checked against Python's difflib.ndiff)
    private static final String N4_DIFF = "@@\n  one\n- two\n+ zwei\n  three\n  four\n  five\n"
            + "@@\n  eight\n  nine\n  ten\n- eleven\n+ XI\n  twelve\n  \n";
    private static final String N5_DIFF = "@@\n  ten\n  eleven\n  twelve\n+ thirteen\n  \n";

    @Test
    void diffShowsTheOtherOutputsAsTheirDifferenceFromTheMostCommon() {
        CliRunner.Result result = collate(diffInput(), "-d");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(RULE + "n1,n2,n3\n" + RULE + BASE_TEXT + "\n"
                + RULE + "n4\n" + RULE + N4_DIFF + "\n"
                + RULE + "n5\n" + RULE + N5_DIFF + "\n", result.out());
        assertEquals(RULE + "n5\n" + RULE + "Count: 1\n" + RULE + N5_DIFF + "\n"
                + RULE + "n4\n" + RULE + "Count: 1\n" + RULE + N4_DIFF + "\n",
                collate(diffInput(), "--diff", "-s", "-r", "-c").out(), "the reference left out, the rest turned round");
    }

    @Test
    void baseComparesWithAChosenNodesOutput() {
        CliRunner.Result result = collate(diffInput(), "-d", "-b", "n5", "-s", "-a");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(RULE + "n[1-3]\n" + RULE + "@@\n  ten\n  eleven\n  twelve\n- thirteen\n  \n\n"
                + RULE + "n4\n" + RULE + "@@\n  one\n- two\n+ zwei\n  three\n  four\n  five\n"
                + "@@\n  eight\n  nine\n  ten\n- eleven\n+ XI\n  twelve\n- thirteen\n  \n\n", result.out());
        CliRunner.Result unknown = collate(diffInput(), "-d", "--base", "n9");
        assertEquals(0, unknown.exitCode(), unknown.toString());
        assertEquals(collate(diffInput(), "-d").out(), unknown.out());
        assertEquals("Warning: n9 gave no output; comparing with the most common output instead\n", unknown.err());
    }

    @Test
    void jsonListsTheGroupsAsTheyPrint() throws Exception {
        CliRunner.Result result = collate(diffInput(), "-o", "json", "-d", "-a", "-r");
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode groups = new ObjectMapper().readTree(result.out());
        assertEquals(3, groups.size(), result.out());
        assertEquals("[\"n5\"]", groups.get(0).get("nodes").toString());
        assertEquals("n[1-3]", groups.get(2).get("noderange").asText());
        assertEquals(3, groups.get(2).get("count").asInt());
        assertEquals(BASE, new ObjectMapper().convertValue(groups.get(2).get("output"), List.class));
        assertFalse(groups.get(2).has("diff"), "the reference is whole");
        assertEquals(List.of(N5_DIFF.split("\n")), new ObjectMapper().convertValue(groups.get(0).get("diff"), List.class));
        assertEquals("3\n", collate(diffInput(), "-o", "json", "-g").out());
        CliRunner.Result watch = collate(diffInput(), "-o", "json", "-w");
        assertEquals(1, watch.exitCode(), watch.toString());
        assertTrue(watch.err().contains("--watch"), watch.toString());
    }

    @Test
    void logAppendsEachNodesLinesToItsFileAndPrintsNothing() throws Exception {
        Path logs = Files.createDirectories(home.resolve("logs"));
        Files.writeString(logs.resolve("n1.log"), "earlier\n");
        CliRunner.Result result = collate("n1: a\nn2:  b\nn1: c\nplain\n", "-l", logs + "/{node}.log");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.out() + result.err());
        assertEquals("earlier\na\nc\n", Files.readString(logs.resolve("n1.log")));
        assertEquals(" b\n", Files.readString(logs.resolve("n2.log")), "one blank dropped, as the first line had one");
        assertEquals("plain\n", Files.readString(logs.resolve("UNKNOWN.log")));

        CliRunner.Result escaping = collate("../x: y\nn3:z\n", "--log", logs + "/{nodename}");
        assertEquals(1, escaping.exitCode(), escaping.toString());
        assertEquals("Error: not logging a line of '../x': not a node name\n", escaping.err());
        assertFalse(Files.exists(home.resolve("x")));
        assertEquals("z\n", Files.readString(logs.resolve("n3")));

        CliRunner.Result unwritable = collate("n1: a\nn1: b\n", "-l", home.resolve("missing") + "/{node}");
        assertEquals(1, unwritable.exitCode(), unwritable.toString());
        assertEquals(1, unwritable.err().lines().count(), "one error per file: " + unwritable.err());
        assertTrue(unwritable.err().startsWith("n1: Error: cannot write " + home.resolve("missing/n1")), unwritable.err());
    }

    @Test
    void watchRedrawsTheResultsSoFarWhenInputPauses() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        Thread writer = new Thread(() -> {
            try (feed) {
                feed.write("n1: a\nn2: a\n".getBytes(StandardCharsets.UTF_8));
                feed.flush();
                Thread.sleep(700);
                feed.write("n3: b\n".getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        CliRunner.Result result = new CliRunner(home).input(stdin).run("collate", "-w");
        writer.join();
        assertEquals(0, result.exitCode(), result.toString());
        String clear = "\u001b[2J\u001b[;H";
        assertEquals(clear + RULE + "n1,n2\n" + RULE + "a\n\n"
                + clear + RULE + "n1,n2\n" + RULE + "a\n\n" + RULE + "n3\n" + RULE + "b\n\n", result.out());
        assertEquals(RULE + "n1,n2\n" + RULE + "a\n\n", collate("n1: a\nn2: a\n", "-w").out(),
                "input that never pauses prints once, without clearing");
    }
}
