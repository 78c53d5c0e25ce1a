package org.confluentcollective.server.noderange;

import java.util.HashMap;
import java.util.Map;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.attributes.Glob;

/**
 * An attribute selector atom ({@code attr=v}, {@code attr==v}, {@code attr!=v}, {@code attr=~re},
 * {@code attr!~re}; noderange.md section 7 with decision 5).
 *
 * <p>A node's candidate values are the value of the exact attribute, or for a name with
 * {@code *} the values of every matching attribute; a single empty string when none is set.
 * {@code =} and {@code =~} need some candidate to match, {@code !=} and {@code !~} need none to.
 * One selector is used for one evaluation, so it may cache which attribute names match.
 */
final class Selector {

    private enum Operator {
        EQUAL("=="), NOT_EQUAL("!="), FIND("=~"), NOT_FIND("!~"), EQUAL_SHORT("=");

        final String text;

        Operator(String text) {
            this.text = text;
        }
    }

    private final String name;
    private final Glob glob;
    private final boolean negated;
    private final String value;
    private final Pattern pattern;
    private final Map<String, Boolean> nameMatches = new HashMap<>();

    private Selector(String name, boolean negated, String value, Pattern pattern) {
        this.name = name;
        this.glob = name.indexOf('*') >= 0 ? Glob.compile(name) : null;
        this.negated = negated;
        this.value = value;
        this.pattern = pattern;
    }

    /** Whether an atom is a selector: its text before any bracket has '=' or '!~'. */
    static boolean isSelector(String atom) {
        int bracket = atom.indexOf('[');
        String firstWord = bracket < 0 ? atom : atom.substring(0, bracket);
        return firstWord.contains("=") || firstWord.contains("!~");
    }

    static Selector parse(String noderange, String atom, int column, AttributeCatalog catalog) {
        for (Operator operator : Operator.values()) {
            int at = atom.indexOf(operator.text);
            if (at < 0) {
                continue;
            }
            int again = atom.indexOf(operator.text, at + operator.text.length());
            if (again >= 0) {
                throw new NodeRangeException(noderange, column + again,
                        "an attribute selector has a single '" + operator.text + "'");
            }
            String name = atom.substring(0, at);
            checkName(noderange, name, column, catalog);
            String value = atom.substring(at + operator.text.length());
            Pattern pattern = null;
            if (operator == Operator.FIND || operator == Operator.NOT_FIND) {
                pattern = compile(noderange, value, column + at + operator.text.length());
            }
            boolean negated = operator == Operator.NOT_EQUAL || operator == Operator.NOT_FIND;
            return new Selector(name, negated, value, pattern);
        }
        throw new NodeRangeException(noderange, column, "not an attribute selector");
    }

    /**
     * Compiled for RE2's linear-time matching: users send these, and a backtracking engine spends
     * minutes on nested quantifiers. RE2 has no backreferences or lookaround.
     */
    static Pattern compile(String noderange, String regex, int column) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new NodeRangeLimitException(noderange, column, "bad regular expression '" + regex + "': "
                    + e.getDescription() + " (regular expressions are matched in linear time (RE2 syntax):"
                    + " backreferences and lookaround are not supported)");
        }
    }

    private static void checkName(String noderange, String name, int column, AttributeCatalog catalog) {
        if (name.isEmpty()) {
            throw new NodeRangeException(noderange, column, "an attribute selector needs an attribute name");
        }
        if (!name.matches("[A-Za-z0-9_.*]+")) {
            throw new NodeRangeException(noderange, column, "'" + name + "' is not an attribute name");
        }
        if (catalog.isSecret(name) || catalog.isCrypted(name)) {
            throw new NodeRangeException(noderange, column, "cannot select on secret attribute '" + name + "'");
        }
        if (catalog.isAlias(name)) {
            throw new NodeRangeException(noderange, column,
                    "'" + name + "' is an alias; select on '" + catalog.resolveAlias(name) + "'");
        }
        if (name.equals("groups")) {
            throw new NodeRangeException(noderange, column,
                    "cannot select on 'groups'; name the group itself instead");
        }
        if (name.startsWith("custom.") || name.startsWith("net.") || name.startsWith("power.")
                || catalog.names().contains(name)) {
            return;
        }
        if (name.indexOf('*') >= 0) {
            Glob glob = Glob.compile(name);
            for (String known : catalog.names()) {
                if (glob.matches(known)) {
                    return;
                }
            }
            throw new NodeRangeException(noderange, column, "'" + name + "' matches no known attribute");
        }
        throw new NodeRangeException(noderange, column, "unknown attribute '" + name + "'");
    }

    /** Whether the node is selected, reading only the attribute it names when it has no glob. */
    boolean test(String node, NodeUniverse universe) {
        if (glob == null) {
            return negated != passes(universe.effectiveValue(node, name).orElse(""));
        }
        return test(universe.effectiveValues(node));
    }

    boolean test(Map<String, String> values) {
        if (glob == null) {
            String exact = values.get(name);
            return negated != passes(exact == null ? "" : exact);
        }
        boolean anySet = false;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (nameMatches.computeIfAbsent(entry.getKey(), glob::matches)) {
                anySet = true;
                if (passes(entry.getValue())) {
                    return !negated;
                }
            }
        }
        return negated != (!anySet && passes(""));
    }

    private boolean passes(String candidate) {
        return pattern == null ? candidate.equals(value) : pattern.matcher(candidate).find();
    }
}
