package org.confluentcollective.server.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.confluentcollective.server.spec.SpecFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The format-spec mini-language against a table computed by Python itself (test resource). */
class FormatSpecTest {

    @TestFactory
    Stream<DynamicTest> matchesPython() {
        JsonNode cases = SpecFixture.readCases("/spec/python-format-specs.json").get("cases");
        return StreamSupport.stream(cases.spliterator(), false).map(c -> {
            boolean isInt = c.has("int");
            String value = isInt ? c.get("int").asText() : c.get("text").asText();
            String spec = c.get("spec").asText();
            String name = "format(" + (isInt ? value : "'" + value + "'") + ", '" + spec + "')";
            return DynamicTest.dynamicTest(name, () -> {
                Value input = isInt ? new Value.Int(new BigInteger(value)) : new Value.Text(value);
                if (c.has("error")) {
                    assertThrows(Broken.class, () -> format(input, spec));
                } else {
                    assertEquals(c.get("result").asText(), format(input, spec));
                }
            });
        });
    }

    /** Text is formatted as text here: the numeric-text rule is the evaluator's, tested elsewhere. */
    private static String format(Value value, String spec) {
        FormatSpec parsed = FormatSpec.parse(spec);
        return value instanceof Value.Text text ? parsed.formatText(text.value())
                : parsed.formatInteger(((Value.Int) value).value());
    }
}
