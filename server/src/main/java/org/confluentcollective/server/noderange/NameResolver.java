package org.confluentcollective.server.noderange;

import java.util.HashSet;
import java.util.Set;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.noderange.Expr.Atom;

/**
 * Resolves atoms to the names they spell, without a database: for the inside of brackets
 * (plain strings, ranges may have a step) and for defining new nodes (names must be valid,
 * brackets expand). Regular expressions and selectors need a database and are errors here.
 */
final class NameResolver implements Evaluator.Resolver {

    private final String noderange;
    private final boolean bracket;
    private final NameBudget budget;

    NameResolver(String noderange, boolean bracket, NameBudget budget) {
        this.noderange = noderange;
        this.bracket = bracket;
        this.budget = budget;
    }

    @Override
    public Set<String> resolve(Atom atom) {
        String text = atom.text();
        char first = text.charAt(0);
        if (first == '~' || first == '/') {
            throw fail(atom, "a regular expression cannot be used " + where());
        }
        if (Selector.isSelector(text)) {
            throw fail(atom, "an attribute selector cannot be used " + where());
        }
        Set<String> names = new HashSet<>();
        if (text.indexOf('[') >= 0) {
            for (String spelled : Brackets.expand(noderange, text, atom.column(), budget)) {
                add(names, spelled, atom);
            }
        } else {
            add(names, text, atom);
        }
        return names;
    }

    private void add(Set<String> names, String text, Atom atom) {
        NameRange range = RangeSyntax.read(noderange, text, atom.column(), bracket);
        if (range == null) {
            addName(names, text, atom);
        } else {
            budget.spend(range.size(), noderange, atom.column());
            range.forEach(name -> addName(names, name, atom));
        }
    }

    private void addName(Set<String> names, String name, Atom atom) {
        if (!bracket && !NodeRanges.isValidName(name)) {
            throw fail(atom, "'" + name + "' is not a valid node name");
        }
        names.add(name);
    }

    private String where() {
        return bracket ? "inside brackets" : "to name new nodes";
    }

    private NodeRangeException fail(Atom atom, String problem) {
        return new NodeRangeException(noderange, atom.column(), problem);
    }
}
