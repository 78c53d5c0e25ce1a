package org.confluentcollective.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Formatting of the answer shapes of the REST contract. */
class AttributePrinterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One element per node and attribute, as GET /noderange/n1,n2/attributes/current answers. */
    private static final String NODERANGE_ANSWER = """
            {"databynode":[
              {"n1":{"location.rack":{"value":"7"}}},
              {"n1":{"groups":{"value":["rack1","everything"]}}},
              {"n1":{"hardwaremanagement.method":{"value":"ipmi","inheritedfrom":"everything"}}},
              {"n1":{"location.u":{"value":"12","expression":"{n1}"}}},
              {"n1":{"secret.hardwaremanagementpassword":{"isset":true}}},
              {"n1":{"secret.ipmikg":{"isset":false}}},
              {"n1":{"location.room":{"value":null}}},
              {"n1":{"net.hostname":{"expression":"{n9}","broken":"n9 is not a number"}}},
              {"n2":{"errorcode":503,"error":"Unavailable"}},
              {"n10":{"location.rack":{"value":"8"}}},
              {"n10":{"_warnings":["location.rack is also set on group rack1"]}}
            ]}""";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Output output(OutputFormat format) {
        return new Output(format, new PrintWriter(out), new PrintWriter(err), MAPPER);
    }

    private static JsonNode json(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    @Test
    void printsNodesInServerOrderAndAttributesSorted() throws IOException {
        boolean failed = new AttributePrinter(output(OutputFormat.TEXT), false).print(DataByNode.of(json(NODERANGE_ANSWER)));
        assertTrue(failed);
        assertEquals("""
                n1: groups: rack1,everything
                n1: hardwaremanagement.method: ipmi
                n1: location.rack: 7
                n1: location.room:
                n1: location.u: 12
                n1: net.hostname: *ERROR* BROKEN EXPRESSION: n9 is not a number
                n1: secret.hardwaremanagementpassword: ********
                n1: secret.ipmikg:
                n10: location.rack: 8
                """, out.toString());
        assertEquals("""
                n2: Error: Unavailable
                n10: Warning: location.rack is also set on group rack1
                """, err.toString());
    }

    @Test
    void blameTellsInheritanceAndExpressions() throws IOException {
        new AttributePrinter(output(OutputFormat.TEXT), true).print(DataByNode.of(json(NODERANGE_ANSWER)));
        String text = out.toString();
        assertTrue(text.contains("n1: hardwaremanagement.method: ipmi (inherited from group everything)\n"), text);
        assertTrue(text.contains("n1: location.u: 12 (derived from expression \"{n1}\")\n"), text);
        assertTrue(text.contains("n1: net.hostname: *ERROR* BROKEN EXPRESSION: n9 is not a number"
                + " (derived from expression \"{n9}\")\n"), text);
        assertTrue(text.contains("n1: location.rack: 7\n"), text);
    }

    @Test
    void bothBlamesTogether() throws IOException {
        JsonNode view = json("{\"value\":\"r1\",\"inheritedfrom\":\"rack1\",\"expression\":\"r{n1}\"}");
        assertEquals("n1: a: r1 (inherited from group rack1, derived from expression \"r{n1}\")",
                AttributeText.line("n1", "a", view, true));
    }

    @Test
    void printsAGroupsFlatMapWithItsNodes() throws IOException {
        JsonNode group = json("""
                {"nodes":{"value":["n1","n2"]},"location.rack":{"value":"7"},
                 "location.u":{"expression":"{n1}"},"_links":{"self":{"href":"./current"}}}""");
        assertFalse(new AttributePrinter(output(OutputFormat.TEXT), false).printOwner("rack1", group));
        assertEquals("""
                rack1: location.rack: 7
                rack1: location.u:  (will derive from expression {n1})
                rack1: nodes: n1,n2
                """, out.toString());
    }

    @Test
    void jsonMergesElementsPerNode() throws IOException {
        new AttributePrinter(output(OutputFormat.JSON), false).print(DataByNode.of(json("""
                {"databynode":[{"n1":{"a":{"value":"1"}}},{"n1":{"b":{"value":"2"}}},{"n2":{"a":{"value":"3"}}}]}""")));
        assertEquals(json("{\"n1\":{\"a\":{\"value\":\"1\"},\"b\":{\"value\":\"2\"}},\"n2\":{\"a\":{\"value\":\"3\"}}}"),
                json(out.toString()));
    }

    @Test
    void readingNodeByNodePrintsWhatTheMergedAnswerPrints() throws IOException {
        for (OutputFormat format : OutputFormat.values()) {
            for (boolean blame : new boolean[] {false, true}) {
                StringWriter wholeOut = new StringWriter();
                StringWriter wholeErr = new StringWriter();
                boolean wholeFailed = new AttributePrinter(new Output(format, new PrintWriter(wholeOut),
                        new PrintWriter(wholeErr), MAPPER), blame).print(DataByNode.of(json(NODERANGE_ANSWER)));
                StringWriter streamedOut = new StringWriter();
                StringWriter streamedErr = new StringWriter();
                boolean streamedFailed;
                try (JsonParser answer = MAPPER.createParser(NODERANGE_ANSWER)) {
                    streamedFailed = new AttributePrinter(new Output(format, new PrintWriter(streamedOut),
                            new PrintWriter(streamedErr), MAPPER), blame).print(answer);
                }
                assertEquals(wholeOut.toString(), streamedOut.toString(), format + " blame " + blame);
                assertEquals(wholeErr.toString(), streamedErr.toString(), format + " blame " + blame);
                assertEquals(wholeFailed, streamedFailed);
            }
        }
    }

    @Test
    void emptyAndUnexpectedAnswersPrintNothing() throws IOException {
        for (String answer : new String[] {"", "{}", "{\"databynode\":[]}", "[1,2]", "{\"other\":{\"a\":[1]}}"}) {
            try (JsonParser parser = MAPPER.createParser(answer)) {
                assertFalse(new AttributePrinter(output(OutputFormat.TEXT), false).print(parser), answer);
            }
        }
        assertEquals("", out.toString());
        try (JsonParser parser = MAPPER.createParser("{\"databynode\":[]}")) {
            new AttributePrinter(output(OutputFormat.JSON), false).print(parser);
        }
        assertEquals("{ }" + System.lineSeparator(), out.toString());
    }

    @Test
    void mergesWarningsOfSeveralElements() throws IOException {
        DataByNode data = DataByNode.of(json("""
                {"databynode":[{"n1":{"_warnings":["one"]}},{"n1":{"_warnings":["two"]}}]}"""));
        assertEquals(java.util.List.of("one", "two"), NodeFields.warnings(data.nodes().get("n1")));
    }

    @Test
    void readsCollectionsAndOutcomes() throws IOException {
        assertEquals(java.util.List.of("n1", "n2", "n10"), Answers.itemNames(json("""
                {"_links":{"self":{"href":"./"},"item":[{"href":"n1/"},{"href":"n2/"},{"href":"n10/"}]}}""")));
        output(OutputFormat.TEXT).outcome(json("{\"created\":[\"n1\",\"n2\"]}"), "created");
        output(OutputFormat.TEXT).outcome(json("{\"deleted\":\"g\"}"), "deleted");
        assertEquals("n1: created\nn2: created\ng: deleted\n", out.toString());
    }
}
