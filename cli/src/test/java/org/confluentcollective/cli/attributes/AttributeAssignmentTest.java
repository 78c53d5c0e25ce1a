package org.confluentcollective.cli.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeAssignmentTest {

    @Test
    void splitsAtTheFirstEquals() {
        AttributeAssignment a = AttributeAssignment.parse("a=b=c");
        assertEquals("a", a.name());
        assertEquals("\"b=c\"", a.input().toString());
    }

    @Test
    void keepsSpacesCommasAndExpressionsInTheValue() {
        assertEquals("\"rack {n1}, row 2\"",
                AttributeAssignment.parse("location.room=rack {n1}, row 2").input().toString());
    }

    @Test
    void anEmptyValueIsSentAsAnEmptyString() {
        assertEquals("\"\"", AttributeAssignment.parse("location.rack=").input().toString());
    }

    @Test
    void commaBeforeEqualsPrepends() {
        AttributeAssignment a = AttributeAssignment.parse("groups,=rack1,compute");
        assertEquals("groups", a.name());
        assertEquals("{\"prepend\":\"rack1,compute\"}", a.input().toString());
    }

    @Test
    void caretOrMinusBeforeEqualsRemoves() {
        for (String argument : List.of("groups^=rack1", "groups-=rack1")) {
            AttributeAssignment a = AttributeAssignment.parse(argument);
            assertEquals("groups", a.name());
            assertEquals("{\"remove\":\"rack1\"}", a.input().toString());
        }
    }

    @Test
    void clearIsNull() {
        assertEquals("null", AttributeAssignment.clear("net.*switch").input().toString());
    }

    @Test
    void rejectsArgumentsWithoutAName() {
        assertThrows(IllegalArgumentException.class, () -> AttributeAssignment.parse("=x"));
        assertThrows(IllegalArgumentException.class, () -> AttributeAssignment.parse(",=x"));
        assertThrows(IllegalArgumentException.class, () -> AttributeAssignment.parse("location.rack"));
    }

    @Test
    void recognisesAssignments() {
        assertTrue(AttributeAssignment.isAssignment("a=b"));
        assertTrue(AttributeAssignment.isAssignment("groups,=x"));
        assertFalse(AttributeAssignment.isAssignment("location.rack"));
        assertFalse(AttributeAssignment.isAssignment("=x"));
    }

    @Test
    void changesBecomeOneBodyWithTheLastAssignmentWinning() {
        AttributeChanges changes = AttributeChanges.parse(List.of("a=1", "groups,=g", "a=2", "b^=x"));
        assertEquals("{\"a\":\"2\",\"groups\":{\"prepend\":\"g\"},\"b\":{\"remove\":\"x\"}}",
                changes.toJson().toString());
        assertEquals("{\"name\":\"n[1-2]\",\"a\":\"2\",\"groups\":{\"prepend\":\"g\"},\"b\":{\"remove\":\"x\"}}",
                changes.toJsonNamed("n[1-2]").toString());
    }
}
