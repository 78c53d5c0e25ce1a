package org.confluentcollective.server.expressions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.expressions.Ast.Binary;
import org.confluentcollective.server.expressions.Ast.Call;
import org.confluentcollective.server.expressions.Ast.Index;
import org.confluentcollective.server.expressions.Ast.Name;
import org.confluentcollective.server.expressions.Ast.Negate;
import org.confluentcollective.server.expressions.Ast.Slice;
import org.confluentcollective.server.expressions.ExpressionContext.StoredAttribute;
import org.confluentcollective.server.expressions.Template.Field;
import org.confluentcollective.server.expressions.Template.Piece;

/**
 * Evaluates templates for one node. Referenced attributes that are expressions are evaluated
 * in turn (each once), with the chain of attributes being evaluated kept to detect cycles.
 */
final class TemplateEvaluator {

    private static final Pattern NUMBER_NAME = Pattern.compile("n([0-9]+)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** Bound on integer size: anything this large could not print within the result limit. */
    private static final int MAX_BITS = 65_536;
    private static final int MAX_DEPTH = 64;

    private final String node;
    private final ExpressionContext context;
    private final AttributeCatalog catalog;
    private final ParseCache parsed;
    /** The attributes being evaluated, outermost first (at most {@link #MAX_DEPTH}). */
    private final List<String> evaluating = new ArrayList<>();
    private final Map<String, String> evaluated = new HashMap<>();
    private List<String> numbers;

    TemplateEvaluator(String node, ExpressionContext context, AttributeCatalog catalog, ParseCache parsed) {
        this.node = node;
        this.context = context;
        this.catalog = catalog;
        this.parsed = parsed;
    }

    /** The value of one of the node's attributes: its text, or its expression evaluated. */
    String attribute(String name) {
        String known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        if (evaluating.contains(name)) {
            List<String> cycle = evaluating.subList(evaluating.indexOf(name), evaluating.size());
            throw new Broken("reference cycle: " + String.join(" -> ", cycle) + " -> " + name,
                    new LinkedHashSet<>(cycle));
        }
        Optional<StoredAttribute> stored = context.attribute(node, name);
        if (stored.isEmpty()) {
            return "";
        }
        if (!stored.get().isExpression()) {
            return stored.get().value() == null ? "" : stored.get().value();
        }
        if (evaluating.size() >= MAX_DEPTH) {
            throw new Broken("attribute references nested more than " + MAX_DEPTH + " deep");
        }
        evaluating.add(name);
        try {
            String value = render(stored.get().expression());
            evaluated.put(name, value);
            return value;
        } finally {
            evaluating.remove(evaluating.size() - 1);
        }
    }

    String render(String text) {
        Template template;
        try {
            template = parsed.template(text);
        } catch (TemplateSyntaxException e) {
            throw new Broken("bad template: " + e.getMessage());
        }
        return render(template);
    }

    private String render(Template template) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : template.pieces()) {
            out.append(piece instanceof Template.Literal literal ? literal.text() : field((Field) piece));
            if (out.length() > FormatSpec.MAX_LENGTH) {
                throw new Broken("the result is longer than " + FormatSpec.MAX_LENGTH + " characters");
            }
        }
        return out.toString();
    }

    private String field(Field field) {
        String source = field.expression().strip();
        if (source.isEmpty()) {
            throw new Broken("empty field '{}': name what to insert, such as {node} or {n1}");
        }
        if (field.conversion() != 0 && field.conversion() != 's') {
            throw new Broken("conversion '!" + field.conversion() + "' is not supported (only !s)");
        }
        Value value = evaluate(parsed.field(source));
        if (field.spec() == null) {
            return value.render();
        }
        String spec = render(field.spec());
        return spec.isEmpty() ? value.render() : FormatSpec.parse(spec).format(value);
    }

    private Value evaluate(Ast ast) {
        if (ast instanceof Ast.Literal literal) {
            return literal.value();
        }
        if (ast instanceof Name name) {
            return name(name.name());
        }
        if (ast instanceof Negate negate) {
            return new Value.Int(evaluate(negate.operand()).toInteger().negate());
        }
        if (ast instanceof Binary binary) {
            return new Value.Int(Arithmetic.apply(binary.operator(), evaluate(binary.left()).toInteger(),
                    evaluate(binary.right()).toInteger(), MAX_BITS));
        }
        if (ast instanceof Index index) {
            String text = text(evaluate(index.target()), "index");
            long at = position(evaluate(index.index()));
            long adjusted = at < 0 ? at + text.length() : at;
            if (adjusted < 0 || adjusted >= text.length()) {
                throw new Broken("index " + at + " is out of range for '" + text + "'");
            }
            return new Value.Text(String.valueOf(text.charAt((int) adjusted)));
        }
        if (ast instanceof Slice slice) {
            return new Value.Text(slice(slice));
        }
        return call((Call) ast);
    }

    private Value name(String name) {
        if (name.equals("node") || name.equals("nodename")) {
            return new Value.Text(node);
        }
        Matcher number = NUMBER_NAME.matcher(name);
        if (number.matches()) {
            return numberInName(new BigInteger(number.group(1)), name);
        }
        String resolved = catalog.resolveAlias(name);
        if (!catalog.isValidName(resolved)) {
            throw new Broken("'" + name + "' is not an attribute name");
        }
        if (catalog.isSecret(resolved) || catalog.isCrypted(resolved)) {
            throw new Broken("secret attribute '" + name + "' cannot be used in an expression");
        }
        if (resolved.equals("groups")) {
            return new Value.Text("");
        }
        String current = evaluating.isEmpty() ? null : evaluating.get(evaluating.size() - 1);
        try {
            return new Value.Text(attribute(resolved));
        } catch (Broken broken) {
            if (current != null && broken.cycle().contains(current)) {
                throw broken;   // this expression is part of the cycle itself
            }
            throw new Broken(resolved + " is broken: " + broken.getMessage());
        }
    }

    /** {@code nK}: the Kth run of digits in the node name, {@code n0} the last. */
    private Value numberInName(BigInteger index, String name) {
        if (numbers == null) {
            numbers = new ArrayList<>();
            Matcher digits = DIGITS.matcher(node);
            while (digits.find()) {
                numbers.add(digits.group());
            }
        }
        if (numbers.isEmpty()) {
            throw new Broken("'" + name + "': the name '" + node + "' has no numbers");
        }
        if (index.signum() == 0) {
            return new Value.Int(new BigInteger(numbers.get(numbers.size() - 1)));
        }
        if (index.compareTo(BigInteger.valueOf(numbers.size())) > 0) {
            throw new Broken("'" + name + "': the name '" + node + "' has only " + numbers.size()
                    + (numbers.size() == 1 ? " number" : " numbers"));
        }
        return new Value.Int(new BigInteger(numbers.get(index.intValue() - 1)));
    }

    private String slice(Slice slice) {
        String text = text(evaluate(slice.target()), "slice");
        int length = text.length();
        long step = slice.step() == null ? 1 : position(evaluate(slice.step()));
        if (step == 0) {
            throw new Broken("a slice step cannot be zero");
        }
        long lower = bound(slice.lower(), length, step, step < 0 ? length - 1 : 0);
        long upper = bound(slice.upper(), length, step, step < 0 ? -1 : length);
        StringBuilder out = new StringBuilder();
        for (long i = lower; step > 0 ? i < upper : i > upper; i += step) {
            out.append(text.charAt((int) i));
        }
        return out.toString();
    }

    /** Python's slice bound adjustment: negative counts from the end, then clamp. */
    private long bound(Ast ast, int length, long step, long absent) {
        if (ast == null) {
            return absent;
        }
        long value = position(evaluate(ast));
        if (value < 0) {
            value += length;
            if (value < 0) {
                value = step < 0 ? -1 : 0;
            }
        } else if (value >= length) {
            value = step < 0 ? length - 1 : length;
        }
        return value;
    }

    private Value call(Call call) {
        Value target = evaluate(call.target());
        List<Value> arguments = new ArrayList<>();
        for (Ast argument : call.arguments()) {
            arguments.add(evaluate(argument));
        }
        String method = call.method();
        switch (method) {
            case "upper", "lower" -> {
                expectArguments(method, arguments, 0);
                String text = text(target, method + "()");
                return new Value.Text(method.equals("upper") ? text.toUpperCase(java.util.Locale.ROOT)
                        : text.toLowerCase(java.util.Locale.ROOT));
            }
            case "replace" -> {
                expectArguments(method, arguments, 2);
                String text = text(target, "replace()");
                return new Value.Text(text.replace(text(arguments.get(0), "replace()"),
                        text(arguments.get(1), "replace()")));
            }
            case "block_number", "block_offset" -> {
                expectArguments(method, arguments, 1);
                BigInteger value = target.toInteger().subtract(BigInteger.ONE);
                BigInteger size = arguments.get(0).toInteger();
                String operator = method.equals("block_number") ? "/" : "%";
                return new Value.Int(Arithmetic.apply(operator, value, size, MAX_BITS).add(BigInteger.ONE));
            }
            default -> throw new Broken("unknown method '" + method + "()'; use upper(), lower(), replace(a, b), "
                    + "block_number(k) or block_offset(k)");
        }
    }

    private static void expectArguments(String method, List<Value> arguments, int count) {
        if (arguments.size() != count) {
            throw new Broken(method + "() takes " + count + (count == 1 ? " argument" : " arguments")
                    + ", not " + arguments.size());
        }
    }

    private static String text(Value value, String use) {
        if (value instanceof Value.Text text) {
            return text.value();
        }
        throw new Broken(use + " needs text, not the number " + value.render());
    }

    /** An index or slice bound: whole numbers (or numeric text), clamped to the long range. */
    private static long position(Value value) {
        if (value instanceof Value.Real) {
            throw new Broken("indices must be whole numbers");
        }
        BigInteger number = value.toInteger();
        if (number.bitLength() > 62) {
            return number.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        return number.longValue();
    }
}
