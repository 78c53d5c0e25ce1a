package org.confluentcollective.server.noderange;

import java.util.List;

/** A parsed noderange: atoms combined strictly left to right (noderange.md section 9). */
sealed interface Expr {

    /** A name, range, bracket expansion, regular expression or attribute selector as written. */
    record Atom(String text, int column) implements Expr {
    }

    /** {@code first op1 operand1 op2 operand2 ...}, evaluated left to right without precedence. */
    record Chain(Expr first, List<Step> steps) implements Expr {
        public Chain {
            steps = List.copyOf(steps);
        }
    }

    record Step(Operator operator, Expr operand) {
    }

    enum Operator { UNION, EXCLUDE, INTERSECT }

    /** {@code <skip} and {@code >keep} at the end; keep is -1 when absent. */
    record Pagination(long skip, long keep) {
        static final Pagination NONE = new Pagination(0, -1);

        boolean isNone() {
            return skip == 0 && keep < 0;
        }
    }

    /** A whole noderange (or bracket list): its expression and trailing pagination. */
    record Parsed(Expr expr, Pagination pagination) {
    }
}
