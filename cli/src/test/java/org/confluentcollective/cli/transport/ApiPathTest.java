package org.confluentcollective.cli.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiPathTest {

    @Test
    void encodesEveryReservedCharacterOfANoderange() {
        assertEquals("n1%2Cr1u%5B1-4%5D%40rack%3D7", ApiPath.segment("n1,r1u[1-4]@rack=7"));
        assertEquals("a%2Fb%20c%7Ed%3Ce%3Ef%25", ApiPath.segment("a/b c~d<e>f%"));
        assertEquals("node.example_1-2", ApiPath.segment("node.example_1-2"));
        assertEquals("%C3%A9", ApiPath.segment("é"));
    }

    @Test
    void encodesDotSegmentsSoTheyCannotClimb() {
        assertEquals("%2E%2E", ApiPath.segment(".."));
    }

    @Test
    void buildsRepeatedQueryParameters() {
        assertEquals("?attr=location.rack&attr=net.%2Aswitch",
                ApiPath.query("attr", List.of("location.rack", "net.*switch")));
        assertEquals("", ApiPath.query("attr", List.of()));
    }
}
