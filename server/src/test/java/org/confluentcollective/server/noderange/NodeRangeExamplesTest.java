package org.confluentcollective.server.noderange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.spec.SpecFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of the worked-example tables of noderange.md, on the example database (the case
 * files' fixture), with the result its section 13 decisions give where they change it.
 */
class NodeRangeExamplesTest {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();
    private static final SpecFixture DB = SpecFixture.standard(CATALOG);
    private final NodeRanges ranges = new NodeRanges(CATALOG);

    /** One table row: the expected nodes (written as a database-free noderange), or null for an error. */
    private record Row(String input, List<String> expected) {
        /** Adds names a database-free noderange cannot spell (such as the node 'n1-n2'). */
        Row expectAlso(String... more) {
            return new Row(input, concat(expected, List.of(more)));
        }

        Row expectAll(List<String> all) {
            return new Row(input, all);
        }
    }

    private Row spells(String input, String expected) {
        return new Row(input, ranges.expandNames(expected));
    }

    private static Row nodes(String input, String... expected) {
        return new Row(input, List.of(expected));
    }

    private static Row fails(String input) {
        return new Row(input, null);
    }

    private Stream<DynamicTest> table(Row... rows) {
        return Stream.of(rows).map(row -> DynamicTest.dynamicTest("'" + row.input() + "'", () -> {
            if (row.expected() == null) {
                assertThrows(NodeRangeException.class, () -> ranges.expand(row.input(), DB));
            } else {
                List<String> expected = new ArrayList<>(row.expected());
                expected.sort(new NaturalOrder());
                assertEquals(expected, ranges.expand(row.input(), DB));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> section3ResolvingAnAtom() {
        return table(
                nodes("n1-n2", "n1-n2"),
                spells("n1:n2", "n1,n2"),
                spells("n1..n2", "n1,n2"),
                spells("n1-n3", "n1,n2,n3"),
                nodes("n1-n2,n3", "n1-n2", "n3"),
                nodes("head-head", "head"));
    }

    @TestFactory
    Stream<DynamicTest> section4Ranges() {
        return table(
                spells("n1:n20", "n[1-20]"),
                spells("n1-n20", "n[1-20]"),
                spells("n1..n20", "n[1-20]"),
                spells("n9:n011", "n9,n10,n11"),
                spells("n1:n010", "n[1-10]"),
                spells("s01:s5", "s[01-05]"),
                fails("s1:s12"), fails("s9:s10"), fails("n01:n10"), fails("r1u1:r1u5"),
                fails("n20:n1"), fails("n01:n1"), fails("n1:s5"), fails("n1:r1u05"),
                spells("r1u01-r3u10", "r[1-3]u[01-10]"),
                spells("r1u01:r4u01", "r[1-4]u01"),
                fails("r1u40:r2u02"),
                spells("rack1:rack4", "r[1-4]u[01-42]"),
                spells("chassis01:chassis05", "n[1-100]"),
                fails("rack1:rack5"),
                fails("n1:n2:n3:n4"),                         // decision 2 (reference: n1,n2,n3)
                fails("n1..n3:n5"),                           // decision 2 (reference: n1..n5)
                spells("db1.lab:db3.lab", "db[1-3].lab"),     // decision 2 (reference: error)
                fails("util_1:util_9"),                       // decision 2: util_4..util_9 do not exist
                spells("n1+3", "n[1-4]"),
                spells("r1u09+1", "r1u09,r1u10"),
                spells("rack1+2", "r[1-3]u[01-42]"),
                fails("login-1+2"), fails("n1+"), fails("n1+2+3"),
                spells("util_1+1", "util_1,util_2"));         // decision clarification
    }

    @TestFactory
    Stream<DynamicTest> section5Brackets() {
        return table(
                spells("n[1-20]", "n1:n20"), spells("n[1:20]", "n1:n20"), spells("n[1..20]", "n1:n20"),
                nodes("n[1,3,5]", "n1", "n3", "n5"),
                nodes("n[1-3,7,9-10]", "n1", "n2", "n3", "n7", "n9", "n10"),
                spells("n[1-10,-3-5]", "n1,n2,n6:n10"),
                spells("n[1-20@5-25]", "n5:n20"),
                nodes("n[1-20:5]", "n1", "n6", "n11", "n16"),
                nodes("n[1-10>3]", "n1", "n2", "n3"),
                nodes("n[1-10<7]", "n8", "n9", "n10"),
                spells("r[1-2]u[01-03]", "r1u01:r1u03,r2u01:r2u03"),
                spells("n[1-2][0-9]", "n10:n29"),
                nodes("n[1-3]0", "n10", "n20", "n30"),
                spells("rack[1-4]", "r[1-4]u[01-42]"),
                spells("chassis[01-02]", "n[1-40]"),
                fails("s[1-12]"), fails("n[01-10]"), fails("rack[1-5]"),
                spells("n[1-2]:n[5-6]", "n1:n6"),
                fails("r[1-2]u01:r[1-2]u03"),
                fails("n[]"), fails("n[~1]"), fails("n[a=1]"), fails("n[5-1]"), fails("n[[1-3]]"),
                fails("n[1 - 3]"));                           // decision 4 (reference: n1,n2,n3)
    }

    @TestFactory
    Stream<DynamicTest> section6RegularExpressions() {
        return table(
                spells("~^n[0-9]$", "n[1-9]"),
                new Row("~^n1", concat(List.of("n1", "n1-n2", "n100"), ranges.expandNames("n[10-19]"))),
                spells("~r1u0[1-5]", "r1u[01-05]"),
                spells("/^s0", "s[01-09]"),
                spells("~lab$", "db[1-3].lab"),
                nodes("~^N1"), nodes("~^$"),
                spells("rack1,-~4[0-2]$", "r1u[01-39]"),
                fails("~n1|n2"), fails("~n\\d"), fails("~n[0-9]{2}"),
                fails("~^(n1)"));                             // decision 3 (reference: every node)
    }

    @TestFactory
    Stream<DynamicTest> section7Selectors() {
        return table(
                spells("location.rack=1", "r1u[01-42]"),
                spells("location.rack=5", "n[1-50],r4u42"),
                spells("location.rack=", "db[1-3].lab,edge[1-2],head,util_[1-3]").expectAlso("n1-n2"),
                spells("location.room!=", "login-[3-4],db[1-3].lab"),
                new Row("custom.nonexistent!=x", allNodes()),
                nodes("custom.nonexistent!="),
                spells("net.*switch=datasw1", "r[1-2]u[01-42]"),
                new Row("net.*switch!=mgtsw1", without(allNodes(), ranges.expandNames("r1u[01-42]"))), // decision 5
                spells("net.*switch=", "db[1-3].lab,edge[1-2],head,mgt[01-02],util_[1-3]").expectAlso("n1-n2"),
                new Row("location.rack!~[1-4]", without(allNodes(),
                        without(ranges.expandNames("r[1-4]u[01-42]"), List.of("r4u42")))),
                fails("custom.note=pri mary"),               // decision 4 (reference: custom.note=primary)
                fails("foo=bar"), fails("bmc=x"), fails("secret.x=1"), fails("groups=rack1"));
    }

    @TestFactory
    Stream<DynamicTest> section9Operators() {
        return table(
                spells("rack1,-n2", "r1u[01-42]"),
                new Row("compute,-location.rack=5,-gpu", without(without(ranges.expand("compute", DB),
                        ranges.expandNames("n[1-50]")), ranges.expandNames("r[3-4]u[01-16]"))),
                nodes("n1,n2@n2", "n2"),
                nodes("n2@n2,n1", "n1", "n2"),
                nodes("n1:n5,-n2@n1:n3", "n1", "n3"),
                nodes("n1:n5,-(n2@n1:n3)", "n1", "n3", "n4", "n5"),
                spells("rack1,-(console.logging=full@compute)", "r1u[37-42]"),
                spells("(rack1,rack2)@(compute,-gpu)", "r[1-2]u[01-36]"),
                fails(",n1"), fails("@n1"), fails(",-n1"),
                nodes("n1,", "n1"), nodes("n1@", "n1"), spells("rack1,-", "r1u[01-42]"),
                fails("n1,@n2"), fails("n1@,n2"),             // decision 3 (reference: n1∩n2, n1∪n2)
                fails("n1(n2)"), fails("(n1)n2"),             // decision 3 (reference: union)
                fails("()"), fails("n1,()"), fails("(n1"), fails("n1)"));
    }

    @TestFactory
    Stream<DynamicTest> section10Pagination() {
        return table(
                spells("rack1>3<6", "r1u[07-09]"),
                spells("rack1<6>3", "r1u[07-09]"),
                fails("rack1>3>2"),                           // decision 1 (reference: keeps 2)
                spells("compute@rack1>5", "r1u[01-05]"),      // decision 1 (reference: empty)
                fails("n1:n20@>5"),                           // decision 1 (reference: empty)
                fails(">3,n1"), fails("<5,-storage"), fails(">3,foo"), fails(" >5"),   // decision 1
                nodes("rack1>0"),
                spells("rack1<0", "r1u[01-42]"),
                fails("rack1>"), fails("rack1<"));
    }

    @TestFactory
    Stream<DynamicTest> section12And13EdgeCases() {
        return table(
                fails(""), fails("   "),
                fails("N1"), fails("Rack1"), fails("n01"),
                fails("n1 n2"),
                fails("\"n1\""), fails("'n1'"),
                nodes("edge1", "edge1"),
                nodes("n1, n2", "n1", "n2"),                  // decision 4
                fails("rack1, -r1u01"),
                nodes("rack1,- r1u01").expectAll(without(ranges.expandNames("r1u[01-42]"), List.of("r1u01"))),
                fails("n[ 1-3 ]"),
                spells("rack1 >3", "r1u[01-03]"),
                fails("n1:n20,->5"),
                spells("db1.lab+2", "db[1-3].lab"));
    }

    @Test
    void section11NaturalSortOrder() {
        List<String> expected = List.of("db1.lab", "edge1", "head", "login-1", "n1", "n1-n2", "n2", "n10",
                "n100", "r1u01", "s01", "util_1");
        List<String> shuffled = new ArrayList<>(expected);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.sort(new NaturalOrder());
        assertEquals(expected, shuffled);
        NaturalOrder order = new NaturalOrder();
        assertTrue(order.compare("n01", "n1") < 0 && order.compare("n1", "n01") > 0, "ties broken by text");
        assertTrue(order.compare("N1", "n1") < 0 && order.compare("n1", "N1") > 0, "ties broken by text");
        assertTrue(order.compare("n2", "N10") < 0, "text runs compare case-insensitively");
    }

    @Test
    void errorsNameTheColumnAndSuggestTheExclusionOperator() {
        NodeRangeException e = assertThrows(NodeRangeException.class, () -> ranges.expand("n1-", DB));
        assertEquals("bad noderange 'n1-' at column 4: range has no end", e.getMessage());
        e = assertThrows(NodeRangeException.class, () -> ranges.expand("rack1, -r1u01", DB));
        assertEquals(8, e.column());
        assertTrue(e.getMessage().contains("',-'"), e.getMessage());
        e = assertThrows(NodeRangeException.class, () -> ranges.expand("n1,foo", DB));
        assertEquals(4, e.column());
        assertTrue(e.getMessage().contains("'foo'"), e.getMessage());
    }

    private static List<String> allNodes() {
        return new ArrayList<>(DB.nodes());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> without(List<String> all, List<String> removed) {
        List<String> rest = new ArrayList<>(all);
        rest.removeAll(removed);
        return rest;
    }
}
