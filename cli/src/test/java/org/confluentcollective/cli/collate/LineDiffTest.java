package org.confluentcollective.cli.collate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void aChangedBlockIsItsRemovedLinesThenItsAddedOnes() {
        assertEquals(List.of("@@", "  a", "- b", "- c", "+ B", "+ C", "+ D", "  d"),
                LineDiff.of(List.of("a", "b", "c", "d"), List.of("a", "B", "C", "D", "d")));
        assertEquals(List.of("@@", "- a", "  b"), LineDiff.of(List.of("a", "b"), List.of("b")));
    }

    @Test
    void outputsTooLargeToAlignAreShownAsReplacedWhole() {
        List<String> reference = IntStream.range(0, 3000).mapToObj(i -> "line " + i).toList();
        List<String> other = new ArrayList<>(reference);
        other.set(0, "first");
        other.set(2999, "last");
        List<String> diff = LineDiff.of(reference, other);
        assertEquals(1 + 3000 + 3000, diff.size(), "@@, every reference line removed, every other line added");
        assertEquals(List.of("@@", "- line 0", "- line 1"), diff.subList(0, 3));
        assertEquals("+ first", diff.get(3001));
        assertEquals("+ last", diff.get(6000));
    }
}
