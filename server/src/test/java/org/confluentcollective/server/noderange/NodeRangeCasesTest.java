package org.confluentcollective.server.noderange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.spec.SpecFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of shared/spec/noderange-cases.json, each on a freshly loaded fixture. */
class NodeRangeCasesTest {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();

    @TestFactory
    Stream<DynamicTest> everyCase() {
        JsonNode file = SpecFixture.readCases("/spec/noderange-cases.json");
        JsonNode fixture = file.get("fixture");
        return StreamSupport.stream(file.get("cases").spliterator(), false).map(testCase -> {
            String expr = testCase.get("expr").asText();
            String name = "[" + testCase.get("category").asText() + "] '" + expr + "'";
            return DynamicTest.dynamicTest(name, () -> run(fixture, testCase, expr));
        });
    }

    private static void run(JsonNode fixture, JsonNode testCase, String expr) {
        NodeRanges ranges = new NodeRanges(CATALOG);
        SpecFixture universe = SpecFixture.load(fixture, CATALOG);
        if (testCase.path("error").asBoolean(false)) {
            NodeRangeException e = assertThrows(NodeRangeException.class, () -> ranges.expand(expr, universe));
            assertEquals(expr, e.noderange());
            return;
        }
        List<String> expected = new ArrayList<>();
        testCase.get("expected").forEach(node -> expected.add(node.asText()));
        assertEquals(expected, ranges.expand(expr, universe));
    }
}
