package org.confluentcollective.cli.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.confluentcollective.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchFileTest {

    @TempDir
    Path dir;

    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("n1", "a=b c", "d=it's", "e=x\"y", "f="),
                ShellWords.split(" n1  'a=b c' \"d=it's\" e=x\\\"y f= "));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("a='b"));
    }

    @Test
    void readsLinesSkippingCommentsAndBlankLines() throws IOException, CliException {
        Path file = Files.writeString(dir.resolve("attrs"), """
                # rack one
                r1u[1-2] location.rack=1 'location.room=hall a'

                  # indented comment
                n3 groups,=rack1
                """);
        List<BatchFile.Line> lines = BatchFile.read(file);
        assertEquals(2, lines.size());
        assertEquals(2, lines.get(0).number());
        assertEquals("r1u[1-2]", lines.get(0).noderange());
        assertEquals("{\"location.rack\":\"1\",\"location.room\":\"hall a\"}", lines.get(0).changes().toJson().toString());
        assertEquals(5, lines.get(1).number());
        assertEquals("{\"groups\":{\"prepend\":\"rack1\"}}", lines.get(1).changes().toJson().toString());
    }

    @Test
    void namesTheBadLine() throws IOException {
        Path file = Files.writeString(dir.resolve("attrs"), "n1 a=1\nn2 oops\n");
        CliException e = assertThrows(CliException.class, () -> BatchFile.read(file));
        assertTrue(e.getMessage().contains("attrs:2:"), e.getMessage());
    }
}
