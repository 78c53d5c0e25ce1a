package org.confluentcollective.server.noderange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.confluentcollective.server.noderange.Expr.Parsed;

/**
 * Bracket expansion {@code prefix[SPEC]rest} (noderange.md section 5): each SPEC is a noderange
 * of plain strings evaluated without any database; the strings of all brackets are substituted
 * as a Cartesian product. The caller resolves each produced text like an atom without brackets.
 */
final class Brackets {

    private Brackets() {
    }

    /**
     * The texts an atom spells.
     *
     * @param column 1-based column of the atom within {@code noderange}, whose text it is a part of
     */
    static List<String> expand(String noderange, String atom, int column, NameBudget budget) {
        List<String> texts = new ArrayList<>(List.of(""));
        int from = column - 1;
        int i = 0;
        while (i < atom.length()) {
            int open = atom.indexOf('[', i);
            if (open < 0) {
                append(texts, atom.substring(i));
                break;
            }
            append(texts, atom.substring(i, open));
            int close = atom.indexOf(']', open);
            // A bracket's items are bounded on their own; only the names they spell count
            // against the noderange's budget, so n[1-100000] costs 100,000 and not twice that.
            List<String> items = items(noderange, from + open + 1, from + close, new NameBudget());
            budget.spend((long) texts.size() * items.size(), noderange, column);
            List<String> product = new ArrayList<>(texts.size() * items.size());
            for (String text : texts) {
                for (String item : items) {
                    product.add(text + item);
                }
            }
            texts = product;
            i = close + 1;
        }
        return texts;
    }

    /** The plain strings of {@code noderange[from, to)}, naturally sorted and paginated. */
    private static List<String> items(String noderange, int from, int to, NameBudget budget) {
        Parsed parsed = Parser.parse(noderange, from, to);
        Set<String> strings = Evaluator.evaluate(parsed.expr(), new NameResolver(noderange, true, budget));
        return Evaluator.sortAndPage(strings, parsed.pagination());
    }

    private static void append(List<String> texts, String literal) {
        if (!literal.isEmpty()) {
            texts.replaceAll(text -> text + literal);
        }
    }
}
