package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
}
