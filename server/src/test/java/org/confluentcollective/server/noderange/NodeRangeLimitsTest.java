package org.confluentcollective.server.noderange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.junit.jupiter.api.Test;

/** Bounded cost: huge ranges, deep nesting, long texts and catastrophic regexes are refused or fast. */
class NodeRangeLimitsTest {

    private static final Duration BUDGET = Duration.ofSeconds(1);
    private final NodeRanges ranges = new NodeRanges(AttributeCatalog.standard());
    private final MapUniverse universe = new MapUniverse()
            .node("a".repeat(40) + "b", Map.of("info.note", "x".repeat(5000) + "!"))
            .node("n1", Map.of("info.note", "plain"));

    private String refused(String noderange) {
        return assertTimeoutPreemptively(BUDGET, () -> {
            NodeRangeException database = assertThrows(NodeRangeException.class, () -> ranges.expand(noderange, universe));
            assertThrows(NodeRangeException.class, () -> ranges.expandNames(noderange));
            return database.getMessage();
        });
    }

    @Test
    void hugeRangesAreRefusedBeforeAnyNameIsBuilt() {
        assertTrue(refused("x[1-1000000]").contains("more than 250000 names"));
        assertTrue(refused("x1-x1000000").contains("250000"));
        assertTrue(refused("x[1-1000][1-1000]").contains("more than 250000 names"));
        assertTrue(refused("n1,x[1-1000000]").contains("more than 250000 names"));
        // Each below the limit, together above it: the budget is per noderange.
        NodeRangeException together = assertThrows(NodeRangeException.class,
                () -> ranges.expandNames("a[1-100000],b[1-100000],c[1-100000]"));
        assertTrue(together.getMessage().contains("more than 250000 names"), together.getMessage());
        assertEquals(100_000, ranges.expandNames("n[1-100000]").size());
        // A bracket's items are not counted again: 200,000 names are within the budget.
        assertEquals(200_000, ranges.expandNames("n[1-200000]").size());
    }

    @Test
    void deepNestingAndLongTextsAreRefusedWithAMessage() {
        String deep = "(".repeat(Parser.MAX_DEPTH + 1) + "n1" + ")".repeat(Parser.MAX_DEPTH + 1);
        assertTrue(refused(deep).contains("nested more than 32 deep"), refused(deep));
        String inBrackets = "n[" + "(".repeat(Parser.MAX_DEPTH + 1) + "1" + ")".repeat(Parser.MAX_DEPTH + 1) + "]";
        assertTrue(refused(inBrackets).contains("nested more than 32 deep"));
        String ok = "(".repeat(Parser.MAX_DEPTH) + "n1" + ")".repeat(Parser.MAX_DEPTH);
        assertEquals(List.of("n1"), ranges.expand(ok, universe));
        String huge = "(".repeat(100_000) + "n1" + ")".repeat(100_000);
        assertTrue(refused(huge).contains("at most 8192 characters"), refused(huge));
    }

    @Test
    void chainsOfDynamicGroupsAreBounded() {
        MapUniverse chained = new MapUniverse().node("n1", Map.of());
        for (int i = 0; i < 40; i++) {
            chained.dynamicGroup("g" + i, "g" + (i + 1));
        }
        chained.dynamicGroup("g40", "n1");
        NodeRangeException e = assertThrows(NodeRangeException.class, () -> ranges.expand("g0", chained));
        assertTrue(e.getMessage().contains("more than 16 deep"), e.getMessage());
        assertEquals(List.of("n1"), ranges.expand("g30", chained));
    }

    @Test
    void catastrophicRegularExpressionsAreAnsweredWithinTheBudget() {
        // A backtracking engine takes time polynomial (here of degree 12 and more) in the text.
        String stars = "a*".repeat(12);
        String xs = "x*".repeat(16);
        ranges.expand("~n.*", universe);   // loads and compiles the engine: the budget is for the match
        assertTimeoutPreemptively(BUDGET, () -> {
            assertEquals(List.of(), ranges.expand("~^" + stars + "$", universe));
            assertEquals(List.of(), ranges.expand("~^" + ".*".repeat(16) + "c$", universe));
            assertEquals(List.of(), ranges.expand("info.note=~^" + xs + "y", universe));
            assertEquals(List.of("n1"), ranges.expand("info.note!~^" + xs + "!", universe));
        });
    }

    @Test
    void patternsTheLinearEngineCannotRunAreRefusedSayingWhy() {
        NodeRangeException possessive = assertThrows(NodeRangeException.class, () -> ranges.expand("~a*+", universe));
        assertTrue(possessive.getMessage().contains("linear time"), possessive.getMessage());
        for (String pattern : List.of("(a)\\1", "a(?=b)", "(?<!x)y")) {
            NodeRangeException e = assertThrows(NodeRangeException.class, () -> Selector.compile(pattern, pattern, 1));
            assertTrue(e.getMessage().contains("backreferences and lookaround are not supported"), e.getMessage());
        }
    }
}
