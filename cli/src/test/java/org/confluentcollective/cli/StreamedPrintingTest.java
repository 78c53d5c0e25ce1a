package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.confluentcollective.cli.output.DataByNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * confluentctl prints a streamed {@code databynode} answer node by node as it arrives, rather than
 * after reading it whole: the stand-in daemon holds back the second half of a large answer until
 * the first half's lines are printed, which only works if the answer is not held whole first.
 */
class StreamedPrintingTest {

    private static final int NODES = 6_000;
    private static final String PATH = "/noderange/everything/attributes/current";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final LocalDaemon daemon = new LocalDaemon();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = daemon.cli(dir);
    }

    /** Node i's elements as the server sends them: one per attribute, attributes sorted, plus a warning. */
    private static String elements(int i) {
        String node = "n" + i;
        String warning = i % 1000 == 0 ? ",{\"" + node + "\":{\"_warnings\":[\"" + node + " is odd\"]}}" : "";
        return "{\"" + node + "\":{\"groups\":{\"value\":[\"rack" + (i / 42) + "\",\"everything\"]}}},"
                + "{\"" + node + "\":{\"location.rack\":{\"value\":\"" + (i / 42) + "\",\"inheritedfrom\":\"rack"
                + (i / 42) + "\"}}},"
                + "{\"" + node + "\":{\"secret.hardwaremanagementpassword\":{\"isset\":true}}}" + warning;
    }

    private static String lines(int i) {
        String node = "n" + i;
        return node + ": groups: rack" + (i / 42) + ",everything\n"
                + node + ": location.rack: " + (i / 42) + "\n"
                + node + ": secret.hardwaremanagementpassword: ********\n";
    }

    private static String range(int from, int to, IntFunction<String> each, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append(i == from ? "" : separator).append(each.apply(i));
        }
        return text.toString();
    }

    private static String wholeAnswer() {
        return "{\"databynode\":[" + range(1, NODES, StreamedPrintingTest::elements, ",") + "]}";
    }

    /**
     * Streams the whole answer in pieces of 100 nodes; after the first half, waits (at most 30 s)
     * until {@code out} shows {@code printedMark}, and records in {@code seen} whether it did.
     */
    private static ScriptedDaemon.StreamedAnswer heldBackAnswer(StringWriter out, String printedMark,
                                                                AtomicBoolean seen) {
        return pieces -> {
            pieces.send("{\"databynode\":[");
            for (int first = 1; first <= NODES; first += 100) {
                if (first == NODES / 2 + 1) {
                    seen.set(waitFor(out, printedMark));
                }
                pieces.send((first == 1 ? "" : ",") + range(first, first + 99, StreamedPrintingTest::elements, ","));
            }
            pieces.send("]}");
        };
    }

    private static boolean waitFor(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (out.toString().contains(text)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void aLargeAnswerIsPrintedNodeByNodeBeforeItEnds() {
        StringWriter out = new StringWriter();
        AtomicBoolean firstHalfPrinted = new AtomicBoolean();
        // the last node of the first half may still get elements: the one before it is complete
        daemon.onStreamed("GET " + PATH, heldBackAnswer(out, lines(NODES / 2 - 1), firstHalfPrinted));
        CliRunner.Result result = cli.runPrintingTo(out, "nodeattrib", "everything");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(firstHalfPrinted.get(), "the first half of the answer was not printed before its end arrived");
        assertEquals(range(1, NODES, StreamedPrintingTest::lines, ""), result.out());
        assertEquals(range(1, NODES / 1000, i -> "n" + i * 1000 + ": Warning: n" + i * 1000 + " is odd\n", ""),
                result.err());
    }

    @Test
    void jsonIsWrittenNodeByNodeAndIsTheMergedAnswerPrintedWhole() throws Exception {
        StringWriter out = new StringWriter();
        AtomicBoolean firstHalfPrinted = new AtomicBoolean();
        String firstHalfMark = "\"n" + (NODES / 2 - 1) + "\" : {";
        daemon.onStreamed("GET " + PATH, heldBackAnswer(out, firstHalfMark, firstHalfPrinted));
        CliRunner.Result result = cli.runPrintingTo(out, "-o", "json", "nodeattrib", "everything");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(firstHalfPrinted.get(), "the first half of the answer was not printed before its end arrived");
        // what confluentctl printed when it merged the whole answer first (Output.printJson)
        String whole = MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(DataByNode.of(MAPPER.readTree(wholeAnswer())).toJson()) + System.lineSeparator();
        assertEquals(whole, result.out());
        assertEquals("", result.err());
    }

    @Test
    void anAnswerCutMidwayKeepsWhatWasPrintedAndEndsWithAnError() {
        daemon.onStreamed("GET " + PATH, pieces -> {
            pieces.send("{\"databynode\":[" + range(1, 100, StreamedPrintingTest::elements, ","));
            throw new IllegalStateException("simulated failure in the middle of an answer");
        });
        CliRunner.Result result = cli.run("nodeattrib", "everything");
        assertEquals(ExitCode.UNREACHABLE, result.exitCode(), result.toString());
        // n100 may not be complete yet when the answer breaks off, so it is not printed
        assertEquals(range(1, 99, StreamedPrintingTest::lines, ""), result.out());
        assertTrue(result.err().startsWith("Error: the answer from confluentd at " + daemon.socket()
                + " broke off before its end (connection closed early)"), result.toString());
        assertTrue(result.err().endsWith("); what is printed above is only its first part\n"), result.toString());
        assertEquals(1, result.err().lines().count(), result.toString());
    }

    @Test
    void aBodyEndingBeforeItsJsonIsABrokenAnswerToo() {
        daemon.on("GET " + PATH, 200, "{\"databynode\":[" + elements(1) + "," + elements(2) + ",{\"n3\":{\"gro");
        CliRunner.Result result = cli.run("nodeattrib", "everything");
        assertEquals(ExitCode.UNREACHABLE, result.exitCode(), result.toString());
        assertEquals(lines(1) + lines(2), result.out());
        assertTrue(result.err().contains(" broke off before its end (Unexpected end-of-input"), result.toString());
        assertEquals(1, result.err().lines().count(), result.toString());
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonIsAnError() {
        daemon.on("GET " + PATH, 200, "<html>proxy error</html>");
        CliRunner.Result result = cli.run("nodeattrib", "everything");
        assertEquals(ExitCode.UNREACHABLE, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("Error: the answer from confluentd at ")
                && result.err().contains(" is not valid JSON ("), result.toString());
        assertEquals(1, result.err().lines().count(), result.toString());
    }

    @Test
    void nodelistWithAttributesStreamsToo() {
        daemon.onStreamed("GET /noderange/everything/attributes/all?attr=location.rack", pieces -> {
            pieces.send("{\"databynode\":[{\"n1\":{\"location.rack\":{\"value\":\"1\"}}}");
            pieces.send(",{\"n2\":{\"location.rack\":{\"value\":\"2\"}}}]}");
        });
        CliRunner.Result result = cli.run("nodelist", "everything", "location.rack");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("n1: location.rack: 1\nn2: location.rack: 2\n", result.out());
    }
}
