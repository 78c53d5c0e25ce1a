package org.confluentcollective.server.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.expressions.ExpressionContext.StoredAttribute;
import org.confluentcollective.server.spec.SpecFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of shared/spec/expression-cases.json, each on a freshly loaded fixture. */
class ExpressionCasesTest {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();
    private final Expressions expressions = new Expressions(CATALOG);

    @TestFactory
    Stream<DynamicTest> everyCase() {
        JsonNode file = SpecFixture.readCases("/spec/expression-cases.json");
        JsonNode fixture = file.get("fixture");
        return StreamSupport.stream(file.get("cases").spliterator(), false).map(testCase -> {
            String name = testCase.get("id").asText() + " [" + testCase.get("category").asText() + "] "
                    + testCase.get("attribute_value_expression").asText();
            return DynamicTest.dynamicTest(name, () -> run(SpecFixture.load(fixture, CATALOG), testCase));
        });
    }

    private void run(SpecFixture db, JsonNode testCase) {
        for (JsonNode step : testCase.path("setup")) {
            step.get("attributes").fields().forEachRemaining(attribute -> db.setOnNode(step.get("node").asText(),
                    CATALOG.resolveAlias(attribute.getKey()),
                    submit(attribute.getKey(), attribute.getValue().asText(), step.get("mode").asText())));
        }
        String node = testCase.get("node").asText();
        String attribute = CATALOG.resolveAlias(testCase.get("attribute").asText());
        String text = testCase.get("attribute_value_expression").asText();
        String mode = testCase.get("mode").asText();
        String setOn = testCase.get("set_on").asText();

        if (testCase.path("rejected").asBoolean(false)) {
            assertThrows(ExpressionException.class, () -> submit(attribute, text, mode));
        } else {
            StoredAttribute stored = submit(attribute, text, mode);
            if (setOn.equals("node")) {
                db.setOnNode(node, attribute, stored);
            } else {
                db.setOnGroup(setOn.substring("group:".length()), attribute, stored);
            }
            SpecFixture.Read read = db.read(node, attribute);
            if (testCase.path("broken").asBoolean(false)) {
                assertTrue(read.evaluation().isBroken(), () -> "expected broken, got " + read.evaluation());
            } else {
                assertEquals(Evaluation.ofValue(testCase.get("expected").asText()), read.evaluation());
                assertEquals(testCase.path("inheritedfrom").asText(null), read.inheritedFrom());
            }
        }

        JsonNode expand = testCase.get("expand");
        if (expand == null) {
            assertEquals("value", mode, "only value mode cases lack an expansion");
        } else if (expand.isObject()) {
            assertTrue(expressions.evaluate(node, text, db).isBroken(), "expansion should fail");
        } else {
            Evaluation expansion = expressions.evaluate(node, text, db);
            assertFalse(expansion.isBroken(), () -> "expansion broken: " + expansion.broken());
            assertEquals(expand.asText(), expansion.value());
            assertNull(expansion.broken());
        }
    }

    /** How the database stores a submitted text in each mode; set-time rejections throw. */
    private StoredAttribute submit(String attribute, String text, String mode) {
        switch (mode) {
            case "value":
                return StoredAttribute.ofValue(text);
            case "expression":
                expressions.check(attribute, text);
                return StoredAttribute.ofExpression(text);
            default:
                SubmittedText submitted = expressions.classify(attribute, text);
                return submitted.expression() ? StoredAttribute.ofExpression(submitted.text())
                        : StoredAttribute.ofValue(submitted.text());
        }
    }
}
