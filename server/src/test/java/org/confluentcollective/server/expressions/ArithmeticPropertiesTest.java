package org.confluentcollective.server.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.spec.SpecFixture;

/**
 * Random arithmetic expressions, written with as few parentheses as the precedence rules allow,
 * evaluated by {@link Expressions#evaluate} and by an independent reference with Python's
 * semantics (floor division, modulo with the divisor's sign, arithmetic shifts, two's complement
 * bitwise operators).
 */
class ArithmeticPropertiesTest {

    private static final AttributeCatalog CATALOG = AttributeCatalog.standard();
    private static final SpecFixture DB = SpecFixture.standard(CATALOG);
    private static final List<String> OPERATORS = List.of("|", "^", "&", "<<", ">>", "+", "-", "*", "/", "%");
    private final Expressions expressions = new Expressions(CATALOG);

    /** A generated expression: its text, precedence (higher binds tighter) and reference value or null. */
    private record Term(String text, int precedence, BigInteger value) {
    }

    @Property(tries = 3000)
    void matchesPythonSemantics(@ForAll long seed) {
        Term term = generate(new Random(seed), 4);
        Evaluation result = expressions.evaluate("n57", "{" + term.text() + "}", DB);
        if (term.value() == null) {
            assertTrue(result.isBroken(), () -> term.text() + " should be broken, gave " + result.value());
        } else {
            assertEquals(Evaluation.ofValue(term.value().toString()), result, term.text());
        }
    }

    private static Term generate(Random random, int depth) {
        int choice = depth == 0 ? random.nextInt(3) : random.nextInt(8);
        switch (choice) {
            case 0:
                int literal = random.nextInt(30);
                return new Term(Integer.toString(literal), 9, BigInteger.valueOf(literal));
            case 1:
                return new Term("n1", 9, BigInteger.valueOf(57));          // the node is n57
            case 2:
                return new Term("location.u", 9, BigInteger.valueOf(7));   // numeric text "7"
            case 3:
                Term operand = generate(random, depth - 1);
                String text = "-" + (operand.precedence() < 7 ? "(" + operand.text() + ")" : operand.text());
                return new Term(text, 7, operand.value() == null ? null : operand.value().negate());
            default:
                String operator = OPERATORS.get(random.nextInt(OPERATORS.size()));
                Term left = generate(random, depth - 1);
                Term right = operator.endsWith("<") || operator.endsWith(">")
                        ? generate(random, 0) : generate(random, depth - 1);
                int precedence = precedence(operator);
                String leftText = left.precedence() < precedence ? "(" + left.text() + ")" : left.text();
                String rightText = right.precedence() <= precedence ? "(" + right.text() + ")" : right.text();
                return new Term(leftText + " " + operator + " " + rightText, precedence,
                        reference(operator, left.value(), right.value()));
        }
    }

    private static int precedence(String operator) {
        return switch (operator) {
            case "|" -> 1;
            case "^" -> 2;
            case "&" -> 3;
            case "<<", ">>" -> 4;
            case "+", "-" -> 5;
            default -> 6;
        };
    }

    /** Python's result, or null where Python raises (division by zero, negative shift). */
    private static BigInteger reference(String operator, BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return null;
        }
        switch (operator) {
            case "+": return a.add(b);
            case "-": return a.subtract(b);
            case "*": return a.multiply(b);
            case "&": return a.and(b);
            case "^": return a.xor(b);
            case "|": return a.or(b);
            case "<<": return b.signum() < 0 ? null : a.multiply(BigInteger.TWO.pow(b.intValue()));
            case ">>": return b.signum() < 0 ? null : floor(a, BigInteger.TWO.pow(b.intValue()));
            case "/": return b.signum() == 0 ? null : floor(a, b);
            default: return b.signum() == 0 ? null : a.subtract(b.multiply(floor(a, b)));
        }
    }

    /** Floor of a / b: truncation rounded down when the exact quotient is negative and inexact. */
    private static BigInteger floor(BigInteger a, BigInteger b) {
        BigInteger truncated = a.divide(b);
        boolean negative = a.signum() * b.signum() < 0;
        return negative && !truncated.multiply(b).equals(a) ? truncated.subtract(BigInteger.ONE) : truncated;
    }
}
