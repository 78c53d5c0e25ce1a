package org.confluentcollective.server.noderange;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.noderange.Expr.Atom;
import org.confluentcollective.server.noderange.Expr.Chain;
import org.confluentcollective.server.noderange.Expr.Operator;
import org.confluentcollective.server.noderange.Expr.Pagination;
import org.confluentcollective.server.noderange.Expr.Parsed;
import org.confluentcollective.server.noderange.Expr.Step;
import org.confluentcollective.server.noderange.Token.Kind;

/**
 * Recursive descent parser for the noderange grammar as decided in noderange.md section 13:
 *
 * <pre>
 * noderange  := chain [operator] pagination* END      (a trailing operator is ignored)
 * chain      := operand (operator operand)*
 * operand    := ATOM | '(' chain ')'
 * operator   := ',' | ',-' | '@'
 * pagination := '&lt;' digits | '&gt;' digits           (each at most once, only at the end)
 * </pre>
 *
 * Two operators in a row, two operands without an operator, and pagination anywhere but at
 * the end are errors.
 */
final class Parser {

    /** Deepest nesting of parentheses: parsing and evaluation recurse once per level. */
    static final int MAX_DEPTH = 32;

    private final String noderange;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private Parser(String noderange, List<Token> tokens) {
        this.noderange = noderange;
        this.tokens = tokens;
    }

    static Parsed parse(String noderange) {
        return parse(noderange, 0, noderange.length());
    }

    /** Parses {@code noderange[from, to)}: the whole text, or the inside of a bracket. */
    static Parsed parse(String noderange, int from, int to) {
        Parser parser = new Parser(noderange, Lexer.tokenize(noderange, from, to));
        if (parser.peek().kind() == Kind.END) {
            throw new NodeRangeException(noderange, from + 1, from == 0 ? "the noderange is empty" : "empty brackets");
        }
        return parser.whole();
    }

    private Parsed whole() {
        Expr expr = chain(false);
        long skip = 0;
        long keep = -1;
        boolean seenSkip = false;
        boolean seenKeep = false;
        while (peek().kind().isPagination()) {
            Token page = take();
            if (page.kind() == Kind.SKIP) {
                if (seenSkip) {
                    throw fail(page, "'<' may be given only once");
                }
                seenSkip = true;
                skip = count(page);
            } else {
                if (seenKeep) {
                    throw fail(page, "'>' may be given only once");
                }
                seenKeep = true;
                keep = count(page);
            }
        }
        Token last = peek();
        if (last.kind() == Kind.CLOSE) {
            throw fail(last, "')' without '('");
        }
        if (last.kind() != Kind.END) {
            throw fail(last, "pagination ('<N', '>N') can only stand at the end of the noderange");
        }
        return new Parsed(expr, seenSkip || seenKeep ? new Pagination(skip, keep) : Pagination.NONE);
    }

    private Expr chain(boolean nested) {
        Token first = peek();
        if (first.kind().isOperator()) {
            throw fail(first, first.shown() + " has nothing before it");
        }
        if (first.kind().isPagination()) {
            throw fail(first, "pagination ('<N', '>N') can only stand at the end of the noderange");
        }
        Expr head = operand();
        List<Step> steps = new ArrayList<>();
        while (true) {
            Token token = peek();
            if (token.kind().isOperator()) {
                take();
                Token after = peek();
                if (after.kind() == Kind.END && !nested) {
                    break;   // a trailing operator is ignored
                }
                if (after.kind().isOperator()) {
                    throw fail(after, "two operators in a row: " + token.shown() + " then " + after.shown());
                }
                if (after.kind() != Kind.ATOM && after.kind() != Kind.OPEN) {
                    throw fail(token, token.shown() + " has nothing after it");
                }
                steps.add(new Step(operator(token), operand()));
            } else if (token.kind() == Kind.ATOM || token.kind() == Kind.OPEN) {
                throw fail(token, "missing operator (',', ',-' or '@') before " + token.shown()
                        + (token.blankBefore() ? "; blanks cannot be part of a name" : ""));
            } else {
                break;
            }
        }
        return steps.isEmpty() ? head : new Chain(head, steps);
    }

    private Expr operand() {
        Token token = take();
        switch (token.kind()) {
            case ATOM:
                return new Atom(token.text(), token.column());
            case OPEN:
                if (peek().kind() == Kind.CLOSE) {
                    throw fail(token, "empty parentheses");
                }
                if (++depth > MAX_DEPTH) {
                    throw new NodeRangeLimitException(noderange, token.column(),
                            "parentheses nested more than " + MAX_DEPTH + " deep");
                }
                Expr inner = chain(true);
                depth--;
                Token close = take();
                if (close.kind() == Kind.CLOSE) {
                    return inner;
                }
                if (close.kind().isPagination()) {
                    throw fail(close, "pagination ('<N', '>N') can only stand at the end of the noderange");
                }
                throw fail(token, "'(' is never closed");
            case CLOSE:
                throw fail(token, "')' without '('");
            default:
                throw fail(token, "expected a name or '(' but found " + token.shown());
        }
    }

    private static Operator operator(Token token) {
        return switch (token.kind()) {
            case UNION -> Operator.UNION;
            case EXCLUDE -> Operator.EXCLUDE;
            default -> Operator.INTERSECT;
        };
    }

    /** The page count, saturated: a count beyond any database size means "all". */
    private static long count(Token page) {
        String digits = page.text();
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private NodeRangeException fail(Token token, String problem) {
        return new NodeRangeException(noderange, token.column(), problem);
    }
}
