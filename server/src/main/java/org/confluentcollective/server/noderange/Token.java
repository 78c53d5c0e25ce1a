package org.confluentcollective.server.noderange;

/**
 * One lexical token of a noderange.
 *
 * @param text        the token as written (for an atom its text, for pagination the digits)
 * @param column      1-based column of its first character
 * @param blankBefore whether blanks separate it from the previous token
 */
record Token(Kind kind, String text, int column, boolean blankBefore) {

    enum Kind {
        ATOM, UNION, EXCLUDE, INTERSECT, OPEN, CLOSE, KEEP, SKIP, END;

        boolean isOperator() {
            return this == UNION || this == EXCLUDE || this == INTERSECT;
        }

        boolean isPagination() {
            return this == KEEP || this == SKIP;
        }
    }

    /** How the token reads in an error message. */
    String shown() {
        return switch (kind) {
            case END -> "the end";
            case KEEP -> "'>" + text + "'";
            case SKIP -> "'<" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
