package org.confluentcollective.cli.collate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AbbreviationTest {

    private static List<String> range(String prefix, int from, int to, String format, String suffix) {
        List<String> names = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            names.add(prefix + String.format(format, i) + suffix);
        }
        return names;
    }

    @Test
    void mergesRunsOfTheLastNumber() {
        assertEquals("n[1-3]", Abbreviation.of(List.of("n3", "n1", "n2")));
        assertEquals("n[1-3,5]", Abbreviation.of(List.of("n1", "n2", "n3", "n5")));
        assertEquals("n[1-3,5,9-11]", Abbreviation.of(List.of("n1", "n2", "n3", "n5", "n9", "n10", "n11")));
        assertEquals("n7", Abbreviation.of(List.of("n7")));
        assertEquals("", Abbreviation.of(List.of()));
    }

    @Test
    void keepsPaddingAsRangesExpandIt() {
        assertEquals("s[08-12]", Abbreviation.of(range("s", 8, 12, "%02d", "")));
        assertEquals("n[8-10]", Abbreviation.of(List.of("n8", "n9", "n10")));
        // 1 and 02 cannot be one range: [1-2] gives 2, [01-02] gives 01
        assertEquals("n[1,02]", Abbreviation.of(List.of("n1", "n02")));
        assertEquals("n[01,1-2]", Abbreviation.of(List.of("n1", "n01", "n2")));
    }

    @Test
    void mergesEarlierNumbersWhenTheRestIsEqual() {
        List<String> names = new ArrayList<>(range("r1u", 1, 42, "%02d", ""));
        names.addAll(range("r2u", 1, 42, "%02d", ""));
        assertEquals("r[1-2]u[01-42]", Abbreviation.of(names));
        names.remove("r2u17");
        assertEquals("r1u[01-42],r2u[01-16,18-42]", Abbreviation.of(names));
        assertEquals("c[1-2]n5-bmc", Abbreviation.of(List.of("c1n5-bmc", "c2n5-bmc")));
    }

    @Test
    void namesWithoutNumbersAndMixedPrefixesStayApartInNaturalOrder() {
        assertEquals("db[1-3].lab,head,login-[1-2],n[1-2]",
                Abbreviation.of(Set.of("head", "n2", "login-1", "db2.lab", "n1", "login-2", "db1.lab", "db3.lab")));
    }

    @Test
    void hugeNumbersAreListedNotRanged() {
        assertEquals("n[1234567890123456789012,1234567890123456789013]",
                Abbreviation.of(List.of("n1234567890123456789012", "n1234567890123456789013")));
    }
}
