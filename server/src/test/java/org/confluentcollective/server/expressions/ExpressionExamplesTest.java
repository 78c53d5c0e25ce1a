package org.confluentcollective.server.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.expressions.ExpressionContext.StoredAttribute;
import org.confluentcollective.server.spec.SpecFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of the worked-example tables of expressions.md, with the result its decisions give
 * where they change it. Node examples use the case files' fixture (r2u07, r3u16, n50, n57, n58,
 * mgt02, db2.lab, n1-n2, head); inheritance and clearing use a small fixture of their own.
 */
class ExpressionExamplesTest {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();
    private final Expressions expressions = new Expressions(CATALOG);
    private final SpecFixture db = SpecFixture.standard(CATALOG);

    private record Row(String node, String template, String expected) {
    }

    private static Row on(String node, String template, String expected) {
        return new Row(node, template, expected);
    }

    private static Row broken(String node, String template) {
        return new Row(node, template, null);
    }

    private Stream<DynamicTest> table(Row... rows) {
        return Stream.of(rows).map(row -> DynamicTest.dynamicTest(row.template() + " on " + row.node(), () -> {
            Evaluation result = expressions.evaluate(row.node(), row.template(), db);
            if (row.expected() == null) {
                assertTrue(result.isBroken(), () -> "expected broken, got " + result.value());
            } else {
                assertEquals(Evaluation.ofValue(row.expected()), result);
            }
        }));
    }

    @Test
    void section1ValueOrExpression() {
        assertEquals(new SubmittedText("plain", false), expressions.classify("plain"));
        assertEquals(new SubmittedText("", false), expressions.classify(""));
        assertEquals(new SubmittedText("{n1}", false), expressions.classify("{{n1}}"));
        assertEquals(new SubmittedText("a{b", false), expressions.classify("a{{b"));
        assertEquals(new SubmittedText("{n1}", true), expressions.classify("{n1}"));
        assertEquals(new SubmittedText("x{n1}y{{z}}", true), expressions.classify("x{n1}y{{z}}"));
        assertEquals(new SubmittedText("{{{n1}}}", true), expressions.classify("{{{n1}}}"));
        assertEquals("2", expressions.evaluate("r2u07", "{n1}", db).value());
        assertEquals("x2y{z}", expressions.evaluate("r2u07", "x{n1}y{{z}}", db).value());
        assertEquals("{2}", expressions.evaluate("r2u07", "{{{n1}}}", db).value());
        for (String rejected : new String[] {"{", "}", "{n1!x}", "{n1:02x", "{n1!r}", "{n1!a}", "{n1:012345678}"}) {
            assertThrows(ExpressionException.class, () -> expressions.classify(rejected), rejected);
            assertThrows(ExpressionException.class, () -> expressions.check(rejected), rejected);
        }
        expressions.check("{n1!s:12345678}");   // accepted; evaluation later fails
    }

    @Test
    void secretsAreNeverExpressions() {
        assertEquals(new SubmittedText("{n1}", false), expressions.classify("secret.ipmikg", "{n1}"));
        assertEquals(new SubmittedText("a{{b", false), expressions.classify("bmcpass", "a{{b"));
        assertEquals(new SubmittedText("{x", false), expressions.classify("crypted.rootpassword", "{x"));
        assertEquals(new SubmittedText("{x}", false), expressions.classify("custom.nodesecret.k", "{x}"));
        assertThrows(ExpressionException.class, () -> expressions.check("switchpass", "{node}"));
        assertTrue(expressions.evaluate("r2u07", "{secret.hardwaremanagementpassword}", db).isBroken());
    }

    @TestFactory
    Stream<DynamicTest> section2TemplateSyntax() {
        return table(
                on("r2u07", "{node[1:3]}", "2u"),
                broken("r2u07", "{node.replace('u', ':')}"),
                on("n1-n2", "{n1:{n2}}|", " 1|"),
                broken("r2u07", "{}"),
                on("r2u07", "{0}", "0"),
                on("r2u07", "{ n1}", "2"),          // decision 6 (reference: broken)
                on("r2u07", "{n1 }", "2"));
    }

    @TestFactory
    Stream<DynamicTest> section3FieldExpressions() {
        return table(
                on("r2u07", "{node}", "r2u07"), on("r2u07", "{nodename}", "r2u07"),
                on("r3u16", "{n1}", "3"), on("r3u16", "{n2}", "16"), on("db2.lab", "{n1}", "2"),
                on("n1-n2", "{n1}", "1"), on("n1-n2", "{n2}", "2"), on("r3u16", "{n0}", "16"),
                on("r3u16", "{n01}", "3"), on("r3u16", "{n00}", "16"), broken("r3u16", "{n}"),
                broken("r3u16", "{n3}"), broken("head", "{n1}"), broken("head", "{n0}"),
                on("r2u07", "{location.rack}", "2"),
                on("r2u07", "{0x10}", "16"), on("r2u07", "{1_000}", "1000"), on("r2u07", "{'abc'}", "abc"),
                on("r2u07", "{-n2}", "-7"),
                broken("r2u07", "{+n2}"), broken("r2u07", "{~n2}"), broken("r2u07", "{not n2}"),
                on("r2u07", "{node[-1]}", "7"), on("r2u07", "{node[-3:-1]}", "u0"),
                broken("r2u07", "{node[9]}"), broken("r2u07", "{n1[0]}"),
                on("r2u07", "{node.upper()}", "R2U07"), on("r2u07", "{'ABC'.lower()}", "abc"),
                on("r2u07", "{node.replace('u', '-')}", "r2-07"),
                broken("r2u07", "{node.replace('u')}"), broken("r2u07", "{node.replace('u', 1)}"),
                on("n57", "{n1.block_number(42)}", "2"), on("n57", "{n1.block_offset(42)}", "15"),
                broken("n57", "{n1 ** 2}"), broken("n57", "{n1 // 2}"), broken("n57", "{n1 == 57}"),
                broken("n57", "{n1 < 58}"), broken("n57", "{n1 and 1}"), broken("n57", "{n1 or 1}"),
                broken("n57", "{1 if n1 else 2}"), broken("n57", "{abs(n1)}"), broken("n57", "{node.title()}"),
                broken("n57", "{node.lower}"),
                broken("r2u07", "{net.mgt.switch + 1}"),
                on("r2u07", "{-7/2}", "-4"), on("r2u07", "{-7%3}", "2"), on("r2u07", "{7%-3}", "-2"),
                broken("r2u07", "{n1/0}"), broken("r2u07", "{n1%0}"),
                on("r2u07", "{-location.u}", "-7"));       // decision 3 (reference: broken)
    }

    @TestFactory
    Stream<DynamicTest> section4FieldResultToText() {
        return table(
                on("r2u07", "{node[-2:]}", "07"),         // decision 1 (reference: 7)
                on("r2u07", "{'007'}", "007"),            // decision 1 (reference: 7)
                on("n58", "{n1:02d}", "58"), on("n58", "{n1:x}", "3a"), on("n58", "{n1:X}", "3A"),
                on("n58", "{n1:03}", "058"), on("n58", "{n1:02x}", "3a"), on("n58", "{n1:04X}", "003A"),
                on("n58", "{n1:>4}", "  58"), on("n58", "{n1:#x}", "0x3a"), on("n58", "{n1:b}", "111010"),
                on("n58", "{n1:+d}", "+58"), on("n58", "{n1*1000:,}", "58,000"), on("n58", "{n1:.2f}", "58.00"),
                broken("n58", "{n1:12345678}"), broken("n58", "{n1:z}"),
                broken("r2u07", "{node:02d}"), broken("r2u07", "{n1:s}"),
                on("r2u07", "{location.u:02d}", "07"),    // numeric text formats as a number
                on("r2u07", "{n1!s}", "2"),
                broken("r2u07", "{n1!r}"));               // decision 4 (rejected at set time)
    }

    @TestFactory
    Stream<DynamicTest> section5References() {
        return table(
                on("r2u07", "{node}-xcc", "r2u07-xcc"), on("r2u07", "{node.upper()}", "R2U07"),
                on("r2u07", "{node[0]}", "r"), on("r2u07", "{node[1:3]}", "2u"), on("r2u07", "{node[:2]}", "r2"),
                on("r2u07", "{node.replace('r', 'R').replace('u', 'U')}", "R2U07"),
                on("r2u07", "{location.rack}{location.u:02d}", "207"),
                on("r2u07", "{location.rack * 100 + location.u}", "207"),
                on("r2u07", "{bmc}", "r2u07-xcc"),
                on("r2u07", "{hardwaremanagement.manager.replace('-xcc', '')}", "r2u07"),
                on("r2u07", "{net.mgt.switch.upper()}", "MGTSW2"), on("r2u07", "{net.mgt.switch[-1]}", "2"),
                on("r2u07", "{custom.nonexistent}", ""), on("r2u07", "{location.room}", ""),
                on("r2u07", "{type}", ""),                // decision 5 (reference: None)
                on("r2u07", "{groups}", ""),
                on("util_2", "{bmc}", ""),                // decision 5 (reference: broken)
                on("r2u07", "00:00:00:00:{n1:02x}:{n2:02x}", "00:00:00:00:02:07"),
                on("r3u16", "{n1}{n2}", "316"), on("r3u16", "rack{n1}-u{n2:02}", "rack3-u16"),
                on("n50", "rack{(n1-1)/42+1}", "rack2"), on("n50", "{(n1-1)%42+1}", "8"),
                on("n57", "{n1.block_number(42)}", "2"), on("n57", "{n1.block_offset(42)}", "15"),
                on("n57", "{n1 + 2 * 3}", "63"), on("n57", "{n1 | 1 & 2}", "57"), on("n57", "{n1 + 1 << 1}", "116"),
                on("n57", "{(n1-100)/10}", "-5"), on("n57", "{(n1-100)%10}", "7"),
                on("n57", "{n1 * 1.5}", "57"), on("n57", "{1.9}", "1"),
                on("mgt02", "{node[3:]}", "02"),          // decision 1 (reference: 2)
                on("mgt02", "{node[3:]:02}", "02"),
                on("r2u07", "{node[3:]:02}", "07"),
                broken("r2u07", "{foo.bar}"), broken("r2u07", "{net.foo}"), broken("r2u07", "{location}"),
                broken("r2u07", "{custom.class}"), broken("r2u07", "{net.2.hwaddr}"),
                on("r2u07", "{net.eth0.hwaddr}", ""), on("r2u07", "{power.psu1.outlet}", ""));
    }

    @Test
    void section5CyclesAreBrokenAndNamed() {
        db.setOnNode("r2u07", "custom.a", StoredAttribute.ofExpression("{custom.b}"));
        db.setOnNode("r2u07", "custom.b", StoredAttribute.ofExpression("{custom.a}"));
        db.setOnNode("r2u07", "custom.self", StoredAttribute.ofExpression("a{custom.self}b"));
        db.setOnNode("r2u07", "custom.user", StoredAttribute.ofExpression("x{custom.a}"));
        Evaluation a = expressions.evaluateAttribute("r2u07", "custom.a", db);
        assertEquals("reference cycle: custom.a -> custom.b -> custom.a", a.broken());
        assertEquals("reference cycle: custom.b -> custom.a -> custom.b",
                expressions.evaluateAttribute("r2u07", "custom.b", db).broken());
        assertEquals("reference cycle: custom.self -> custom.self",
                expressions.evaluateAttribute("r2u07", "custom.self", db).broken());
        // Outside the cycle: broken too, naming the broken attribute (clarification).
        Evaluation user = expressions.evaluateAttribute("r2u07", "custom.user", db);
        assertEquals("custom.a is broken: reference cycle: custom.a -> custom.b -> custom.a", user.broken());
    }

    @Test
    void section5ReferenceToBrokenAttributeIsBroken() {
        db.setOnNode("r2u07", "custom.b", StoredAttribute.ofExpression("{n1/0}"));
        Evaluation result = expressions.evaluate("r2u07", "{custom.b}x", db);
        assertTrue(result.isBroken());
        assertTrue(result.broken().startsWith("custom.b is broken:"), result.broken());
    }

    @Test
    void manyReferencesToOneAttributeAreEvaluatedOnce() {
        // A diamond of 40 levels would take 2^40 evaluations without remembering results.
        for (int i = 0; i < 40; i++) {
            db.setOnNode("r2u07", "custom.d" + i, StoredAttribute.ofExpression("{custom.d" + (i + 1) + "}"
                    + "{custom.d" + (i + 1) + "}"));
        }
        db.setOnNode("r2u07", "custom.d40", StoredAttribute.ofValue(""));
        assertEquals(Evaluation.ofValue(""), expressions.evaluateAttribute("r2u07", "custom.d0", db));
    }

    @Test
    void resultLongerThanLimitIsBroken() {
        assertEquals(16384, expressions.evaluate("r2u07", "{node:>16384}", db).value().length());
        assertTrue(expressions.evaluate("r2u07", "{node:>16385}", db).isBroken());
        assertTrue(expressions.evaluate("r2u07", "{1 << 100000}", db).isBroken());
    }

    /** Section 7 and the table of section 8, on a fixture of their own. */
    @Test
    void section7And8InheritanceAndClearing() {
        SpecFixture small = SpecFixture.fromJson("""
                {"groups": {"everything": {"attributes": {}}, "g1": {"attributes": {}}, "g2": {"attributes": {}},
                            "compute": {"attributes": {}}},
                 "nodes": {"c1n1": {"groups": ["g1", "g2", "compute", "everything"], "attributes": {"location.rack": "1"}},
                           "c1n2": {"groups": ["g2", "g1", "everything"], "attributes": {}},
                           "c2n5": {"groups": ["compute", "everything"], "attributes": {"location.rack": "2"}}}}
                """, CATALOG);
        small.setOnGroup("compute", "custom.ip", StoredAttribute.ofExpression("10.{n1}.{n2}.1"));
        small.setOnGroup("compute", "custom.rack", StoredAttribute.ofExpression("{location.rack}"));
        assertRead(small, "c1n1", "custom.ip", "10.1.1.1", "compute");
        assertRead(small, "c2n5", "custom.ip", "10.2.5.1", "compute");
        assertRead(small, "c1n1", "custom.rack", "1", "compute");
        assertRead(small, "c2n5", "custom.rack", "2", "compute");

        small.setOnGroup("g2", "custom.a", StoredAttribute.ofValue("two"));
        assertRead(small, "c1n1", "custom.a", "two", "g2");
        assertRead(small, "c1n2", "custom.a", "two", "g2");
        small.setOnGroup("g1", "custom.a", StoredAttribute.ofValue("one"));
        assertRead(small, "c1n1", "custom.a", "one", "g1");
        assertRead(small, "c1n2", "custom.a", "two", "g2");
        small.clearOnGroup("g1", "custom.a");
        assertRead(small, "c1n1", "custom.a", "two", "g2");
        assertRead(small, "c1n2", "custom.a", "two", "g2");
        small.clearOnGroup("g2", "custom.a");
        assertEquals(Evaluation.ofValue(""), small.read("c1n1", "custom.a").evaluation());
        assertEquals(null, small.read("c1n1", "custom.a").inheritedFrom());

        small.setOnGroup("g1", "custom.a", StoredAttribute.ofValue("grp"));
        small.setOnNode("c1n1", "custom.a", StoredAttribute.ofValue("mine"));
        small.setOnGroup("g1", "custom.a", StoredAttribute.ofValue("grp2"));
        assertRead(small, "c1n1", "custom.a", "mine", null);
        small.clearOnNode("c1n1", "custom.a");
        assertRead(small, "c1n1", "custom.a", "grp2", "g1");
        small.setOnNode("c1n1", "custom.a", StoredAttribute.ofValue(""));
        assertRead(small, "c1n1", "custom.a", "", null);

        small.clearOnNode("c1n1", "custom.a");
        small.setOnGroup("g1", "custom.a", StoredAttribute.ofExpression("{custom.base}-bmc"));
        assertRead(small, "c1n1", "custom.a", "-bmc", "g1");
        small.setOnNode("c1n1", "custom.base", StoredAttribute.ofValue("x1"));
        assertRead(small, "c1n1", "custom.a", "x1-bmc", "g1");

        small.setOnNode("c1n1", "custom.c", StoredAttribute.ofExpression("{custom.b}x"));
        assertRead(small, "c1n1", "custom.c", "x", null);
        small.setOnNode("c1n1", "custom.b", StoredAttribute.ofValue("1"));
        assertRead(small, "c1n1", "custom.c", "1x", null);
        small.clearOnNode("c1n1", "custom.b");
        assertRead(small, "c1n1", "custom.c", "x", null);

        // Renaming c2n5 to c9n42: the expression is evaluated with the new name.
        assertEquals(Evaluation.ofValue("c9n42:9:42"), expressions.evaluate("c9n42", "{node}:{n1}:{n2}", small));
    }

    private static void assertRead(SpecFixture fixture, String node, String attribute, String value, String from) {
        SpecFixture.Read read = fixture.read(node, attribute);
        assertEquals(Evaluation.ofValue(value), read.evaluation(), node + " " + attribute);
        assertEquals(from, read.inheritedFrom(), node + " " + attribute + " inherited from");
    }
}
