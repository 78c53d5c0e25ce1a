package org.confluentcollective.server.noderange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.attributes.AttributeCatalog;

/** Set laws of the operators, ranges covering exactly their names, and abbreviation round trips. */
class NodeRangePropertiesTest {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();
    private static final List<String> NODES = List.of("a1", "a2", "a3", "a10", "b1", "b2", "c", "d-1");
    private static final List<String> GROUPS = List.of("g1", "g2", "g3", "g4");
    private final NodeRanges ranges = new NodeRanges(CATALOG);

    /** A universe whose groups hold the nodes a mask selects (bit i of mask g for NODES[i]). */
    private static MapUniverse universe(List<Integer> masks) {
        MapUniverse universe = new MapUniverse();
        NODES.forEach(node -> universe.node(node, Map.of("custom.n", node)));
        for (int g = 0; g < GROUPS.size(); g++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < NODES.size(); i++) {
                if ((masks.get(g) & (1 << i)) != 0) {
                    members.add(NODES.get(i));
                }
            }
            universe.group(GROUPS.get(g), members);
        }
        return universe;
    }

    @Provide
    Arbitrary<List<Integer>> masks() {
        return Arbitraries.integers().between(0, (1 << NODES.size()) - 1).list().ofSize(GROUPS.size());
    }

    @Provide
    Arbitrary<String> operands() {
        List<String> simple = new ArrayList<>(NODES);
        simple.addAll(GROUPS);
        simple.addAll(List.of("a1:a3", "a[1-3,10]", "~^a", "custom.n=c", "custom.n!~1", "(g1,g2)", "(g3@g4)"));
        return Arbitraries.of(simple);
    }

    @Property(tries = 300)
    void operatorsAreSetOperations(@ForAll("masks") List<Integer> masks, @ForAll("operands") String x,
                                   @ForAll("operands") String y, @ForAll("operands") String z) {
        MapUniverse universe = universe(masks);
        Set<String> a = set(x, universe);
        Set<String> b = set(y, universe);
        Set<String> c = set(z, universe);

        assertEquals(union(a, b), set(x + "," + y, universe));
        assertEquals(intersection(a, b), set(x + "@" + y, universe));
        assertEquals(difference(a, b), set(x + ",-" + y, universe));
        assertEquals(set(x + "," + y, universe), set(y + "," + x, universe));
        assertEquals(set(x + "@" + y, universe), set(y + "@" + x, universe));
        assertEquals(set("(" + x + "," + y + ")," + z, universe), set(x + ",(" + y + "," + z + ")", universe));
        assertEquals(set("(" + x + "@" + y + ")@" + z, universe), set(x + "@(" + y + "@" + z + ")", universe));
        assertEquals(set("(" + x + "@" + y + "),(" + x + "@" + z + ")", universe),
                set(x + "@(" + y + "," + z + ")", universe));
        assertEquals(set(x + ",-" + y + ",-" + z, universe), set(x + ",-(" + y + "," + z + ")", universe));
        assertEquals(union(intersection(a, b), c), set(x + "@" + y + "," + z, universe));  // left to right
        assertEquals(Set.of(), set(x + ",-" + x, universe));
    }

    @Property(tries = 300)
    void rangesSpellExactlyTheNamesTheyCover(@ForAll("prefixes") String prefix, @ForAll("suffixes") String suffix,
                                             @ForAll @IntRange(max = 3000) int from, @ForAll @IntRange(max = 300) int span,
                                             @ForAll @IntRange(min = 1, max = 5) int width) {
        int to = from + span;
        List<String> expected = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            expected.add(prefix + padded(i, width) + suffix);
        }
        String left = padded(from, width);
        String right = span == 0 ? left : Integer.toString(to);   // the right end's padding is ignored
        MapUniverse universe = new MapUniverse();
        expected.forEach(name -> universe.node(name, Map.of()));
        universe.node(prefix + padded(to + 1, width) + suffix, Map.of());

        for (String delimiter : List.of(":", "..", "-")) {
            String range = prefix + left + suffix + delimiter + prefix + right + suffix;
            assertEquals(expected, ranges.expandNames(range), range);
            assertEquals(expected, ranges.expand(range, universe), range);
        }
        String bracket = prefix + "[" + left + "-" + right + "]" + suffix;
        assertEquals(expected, ranges.expandNames(bracket), bracket);
        assertEquals(expected, ranges.expand(bracket, universe), bracket);
        if (span > 0) {
            String count = prefix + left + suffix + "+" + span;
            if (!suffix.contains("-") && !prefix.contains("-")) {
                assertEquals(expected, ranges.expandNames(count), count);
            }
        }
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("n", "r1u", "node", "x_", "rack-", "A");
    }

    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.of("", ".lab", "-bmc", "_a", "x");
    }

    @Property(tries = 300)
    void abbreviationSpellsExactlyItsNodes(@ForAll("nameSets") Set<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(new NaturalOrder());
        String abbreviated = NodeRanges.abbreviate(names);
        if (names.isEmpty()) {
            assertEquals("", abbreviated);
            return;
        }
        MapUniverse universe = new MapUniverse();
        FAMILY.forEach(name -> universe.node(name, Map.of()));
        assertEquals(sorted, ranges.expand(abbreviated, universe), abbreviated);
        Set<String> namesMode = new HashSet<>(names);
        namesMode.remove("n1-n2");   // spells n1,n2 without a database
        if (namesMode.equals(names)) {
            assertEquals(sorted, ranges.expandNames(abbreviated), abbreviated);
        }
    }

    private static final List<String> FAMILY = family();

    private static List<String> family() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            names.add("n" + i);
        }
        for (int r = 1; r <= 3; r++) {
            for (int u = 1; u <= 12; u++) {
                names.add("r" + r + "u" + padded(u, 2));
            }
        }
        names.addAll(List.of("login-1", "login-2", "login-3", "db1.lab", "db2.lab", "db3.lab", "x1", "x01", "x001",
                "x2", "head", "n1-n2", "s08", "s09", "s10", "s100", "util_1", "util_2", "a1b2c3", "a1b2c4"));
        return names;
    }

    @Provide
    Arbitrary<Set<String>> nameSets() {
        return Arbitraries.of(FAMILY).set().ofMaxSize(60);
    }

    @Property(tries = 50)
    void dynamicGroupsAreTheirNoderange(@ForAll("masks") List<Integer> masks, @ForAll("operands") String x) {
        MapUniverse universe = universe(masks).dynamicGroup("dyn", x);
        assertEquals(set(x, universe), set("dyn", universe));
        universe.dynamicGroup("loop1", "loop2,a1").dynamicGroup("loop2", "loop1");
        assertThrows(NodeRangeException.class, () -> ranges.expand("loop1", universe));
    }

    private Set<String> set(String noderange, MapUniverse universe) {
        return new HashSet<>(ranges.expand(noderange, universe));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.retainAll(b);
        return result;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static String padded(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
