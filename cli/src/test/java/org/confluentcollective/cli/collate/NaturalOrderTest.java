package org.confluentcollective.cli.collate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void sortsAsTheNoderangeSpecSays() {
        List<String> expected = List.of("db1.lab", "edge1", "head", "login-1", "n1", "n1-n2", "n2", "n10", "n100",
                "r1u01", "s01", "util_1");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.sort(NaturalOrder.INSTANCE);
        assertEquals(expected, shuffled);
    }

    @Test
    void breaksTiesByPlainComparison() {
        List<String> names = new ArrayList<>(List.of("n1", "n01", "N1"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("N1", "n01", "n1"), names);
    }
}
