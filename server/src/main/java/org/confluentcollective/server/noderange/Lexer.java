package org.confluentcollective.server.noderange;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.noderange.Token.Kind;

/**
 * Splits (part of) a noderange into tokens (noderange.md section 2 with the section 13
 * decisions): atoms are runs of word characters and {@code [...]} segments without blanks.
 * Works on a slice of the whole text so that errors inside brackets report columns of the
 * text the user wrote.
 */
final class Lexer {

    private final String noderange;
    private final int end;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String noderange, int from, int to) {
        this.noderange = noderange;
        this.pos = from;
        this.end = to;
    }

    /** Tokens of {@code noderange[from, to)}, ending with an END token. */
    static List<Token> tokenize(String noderange, int from, int to) {
        Lexer lexer = new Lexer(noderange, from, to);
        lexer.run();
        return lexer.tokens;
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "~^$/=-_:.*+!".indexOf(c) >= 0;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void run() {
        boolean blank = false;
        while (pos < end) {
            char c = noderange.charAt(pos);
            int column = pos + 1;
            if (isBlank(c)) {
                blank = true;
                pos++;
                continue;
            }
            if (isWordChar(c) || c == '[') {
                atom(blank);
            } else if (c == ',') {
                boolean exclude = pos + 1 < end && noderange.charAt(pos + 1) == '-';
                pos += exclude ? 2 : 1;
                add(exclude ? Kind.EXCLUDE : Kind.UNION, exclude ? ",-" : ",", column, blank);
            } else if (c == '@') {
                pos++;
                add(Kind.INTERSECT, "@", column, blank);
            } else if (c == '(') {
                pos++;
                add(Kind.OPEN, "(", column, blank);
            } else if (c == ')') {
                pos++;
                add(Kind.CLOSE, ")", column, blank);
            } else if (c == '<' || c == '>') {
                pagination(c, blank);
            } else if (c == ']') {
                throw fail(column, "']' without '['");
            } else {
                throw fail(column, describe(c) + " is not allowed in a noderange");
            }
            blank = false;
        }
        tokens.add(new Token(Kind.END, "", end + 1, blank));
    }

    private void atom(boolean blank) {
        int start = pos;
        if (noderange.charAt(start) == '-') {
            boolean afterUnion = !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Kind.UNION;
            throw fail(start + 1, "a name cannot start with '-'"
                    + (afterUnion ? "; to exclude, write ',-' with no blank in between" : ""));
        }
        while (pos < end) {
            char c = noderange.charAt(pos);
            if (isWordChar(c)) {
                pos++;
            } else if (c == '[') {
                pos = bracketEnd(pos) + 1;
            } else {
                break;
            }
        }
        add(Kind.ATOM, noderange.substring(start, pos), start + 1, blank);
    }

    /** Index of the ']' closing the bracket segment opened at {@code open}. */
    private int bracketEnd(int open) {
        for (int i = open + 1; i < end; i++) {
            char c = noderange.charAt(i);
            if (c == ']') {
                return i;
            }
            if (isBlank(c)) {
                throw fail(i + 1, "blanks are not allowed inside brackets");
            }
            if (c == '[') {
                throw fail(i + 1, "brackets cannot be nested");
            }
            if (!isWordChar(c) && ",@<>()".indexOf(c) < 0) {
                throw fail(i + 1, describe(c) + " is not allowed in a noderange");
            }
        }
        throw fail(open + 1, "'[' is never closed");
    }

    private void pagination(char sign, boolean blank) {
        int column = pos + 1;
        int digits = ++pos;
        while (pos < end && noderange.charAt(pos) >= '0' && noderange.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == digits) {
            throw fail(column, "'" + sign + "' must be followed by a number of nodes, e.g. '" + sign + "10'");
        }
        add(sign == '>' ? Kind.KEEP : Kind.SKIP, noderange.substring(digits, pos), column, blank);
    }

    private void add(Kind kind, String text, int column, boolean blank) {
        tokens.add(new Token(kind, text, column, blank));
    }

    private NodeRangeException fail(int column, String problem) {
        return new NodeRangeException(noderange, column, problem);
    }

    private static String describe(char c) {
        if (c == '"' || c == '\'') {
            return "a quote";
        }
        if (c > ' ' && c < 127) {
            return "'" + c + "'";
        }
        return String.format("character U+%04X", (int) c);
    }
}
