package org.confluentcollective.server.expressions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.confluentcollective.server.expressions.Ast.Binary;
import org.confluentcollective.server.expressions.Ast.Call;
import org.confluentcollective.server.expressions.Ast.Index;
import org.confluentcollective.server.expressions.Ast.Literal;
import org.confluentcollective.server.expressions.Ast.Name;
import org.confluentcollective.server.expressions.Ast.Negate;
import org.confluentcollective.server.expressions.Ast.Slice;

/**
 * Parses the restricted Python expression of one field. Precedence, highest first: postfix
 * ({@code x[i]}, {@code x.m()}); unary {@code -}; {@code * / %}; {@code + -}; {@code << >>};
 * {@code &}; {@code ^}; {@code |}; all binary operators left-associative. Anything else Python
 * would accept (comparisons, {@code **}, calls, ...) fails with {@link Broken}.
 */
final class FieldParser {

    private static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");
    private static final List<List<String>> LEVELS = List.of(
            List.of("|"), List.of("^"), List.of("&"), List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));
    private static final int MAX_NESTING = 100;
    /**
     * Longest field: operator chains ({@code 1+1+...}, {@code x[0][0]...}) build trees as deep as
     * they are long, and evaluation recurses through them.
     */
    static final int MAX_TOKENS = 1000;

    private enum Kind { NAME, NUMBER, STRING, OPERATOR, END }

    private record Token(Kind kind, String text, Value value) {
    }

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int next;
    private int nesting;

    private FieldParser(String source) {
        this.source = source;
    }

    static Ast parse(String source) {
        FieldParser parser = new FieldParser(source);
        parser.tokenize();
        Ast ast = parser.binary(0);
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw parser.unexpected(rest);
        }
        return ast;
    }

    // ---- parsing

    private Ast binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Ast left = binary(level + 1);
        while (peek().kind() == Kind.OPERATOR && LEVELS.get(level).contains(peek().text())) {
            String operator = take().text();
            left = new Binary(operator, left, binary(level + 1));
        }
        return left;
    }

    private Ast unary() {
        Token token = peek();
        if (isOperator(token, "-")) {
            take();
            return new Negate(nested(this::unary));
        }
        if (isOperator(token, "+") || isOperator(token, "~")) {
            throw fail("unary '" + token.text() + "' is not supported");
        }
        return postfix(primary());
    }

    private Ast primary() {
        Token token = take();
        switch (token.kind()) {
            case NUMBER:
                return new Literal(token.value());
            case STRING:
                StringBuilder text = new StringBuilder(((Value.Text) token.value()).value());
                while (peek().kind() == Kind.STRING) {
                    text.append(((Value.Text) take().value()).value());   // 'a' 'b' is 'ab'
                }
                return new Literal(new Value.Text(text.toString()));
            case NAME:
                StringBuilder name = new StringBuilder(token.text());
                while (isOperator(peek(), ".") && peekAt(1).kind() == Kind.NAME && !isOperator(peekAt(2), "(")) {
                    take();
                    name.append('.').append(take().text());
                }
                if (isOperator(peek(), "(")) {
                    throw fail("function calls such as '" + name + "(...)' are not supported");
                }
                return new Name(name.toString());
            case OPERATOR:
                if (token.text().equals("(")) {
                    Ast inner = nested(() -> binary(0));
                    expect(")");
                    return inner;
                }
                throw unexpected(token);
            default:
                throw unexpected(token);
        }
    }

    private Ast postfix(Ast target) {
        while (true) {
            if (isOperator(peek(), "[")) {
                take();
                target = subscript(target);
            } else if (isOperator(peek(), ".")) {
                take();
                Token method = take();
                if (method.kind() != Kind.NAME || !isOperator(peek(), "(")) {
                    throw fail("'." + method.text() + "' must be a method call such as .upper()");
                }
                take();
                List<Ast> arguments = new ArrayList<>();
                while (!isOperator(peek(), ")")) {
                    arguments.add(nested(() -> binary(0)));
                    if (!isOperator(peek(), ",")) {
                        break;
                    }
                    take();
                }
                expect(")");
                target = new Call(target, method.text(), arguments);
            } else {
                return target;
            }
        }
    }

    private Ast subscript(Ast target) {
        Ast[] parts = new Ast[3];
        int colons = 0;
        while (true) {
            if (isOperator(peek(), ":")) {
                take();
                if (++colons > 2) {
                    throw fail("a slice has at most two ':'");
                }
            } else if (isOperator(peek(), "]")) {
                take();
                break;
            } else if (parts[colons] == null) {
                parts[colons] = nested(() -> binary(0));
            } else {
                throw unexpected(peek());
            }
        }
        if (colons == 0) {
            if (parts[0] == null) {
                throw fail("empty index '[]'");
            }
            return new Index(target, parts[0]);
        }
        return new Slice(target, parts[0], parts[1], parts[2]);
    }

    private Ast nested(java.util.function.Supplier<Ast> inner) {
        if (++nesting > MAX_NESTING) {
            throw fail("expression nested too deeply");
        }
        try {
            return inner.get();
        } finally {
            nesting--;
        }
    }

    private void expect(String operator) {
        Token token = take();
        if (!isOperator(token, operator)) {
            throw token.kind() == Kind.END ? fail("missing '" + operator + "'") : unexpected(token);
        }
    }

    private static boolean isOperator(Token token, String text) {
        return token.kind() == Kind.OPERATOR && token.text().equals(text);
    }

    private Token peek() {
        return peekAt(0);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token token = peek();
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private Broken unexpected(Token token) {
        if (token.kind() == Kind.END) {
            return fail("incomplete expression");
        }
        if (token.kind() == Kind.NAME && KEYWORDS.contains(token.text())) {
            return fail("'" + token.text() + "' is not supported");
        }
        if (token.kind() == Kind.OPERATOR) {
            return fail("'" + token.text() + "' is not supported here");
        }
        return fail("unexpected '" + token.text() + "'");
    }

    private Broken fail(String problem) {
        // Messages are shown for every node that inherits the field: quote a long one shortened.
        String shown = source.length() <= 200 ? source : source.substring(0, 200) + "...";
        return new Broken("cannot evaluate '" + shown + "': " + problem);
    }

    // ---- tokens

    private void tokenize() {
        int i = 0;
        int n = source.length();
        while (i < n) {
            if (tokens.size() >= MAX_TOKENS) {
                throw fail("a field has at most " + MAX_TOKENS + " tokens (names, numbers and operators)");
            }
            char c = source.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (Character.isLetter(c) && c < 128 || c == '_') {
                int start = i;
                while (i < n && (isIdentifierChar(source.charAt(i)))) {
                    i++;
                }
                String name = source.substring(start, i);
                if (KEYWORDS.contains(name)) {
                    throw fail("'" + name + "' is not supported (a Python keyword cannot name an attribute)");
                }
                tokens.add(new Token(Kind.NAME, name, null));
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(source.charAt(i + 1)))) {
                i = number(i);
            } else if (c == '\'' || c == '"') {
                i = string(i);
            } else {
                String two = i + 1 < n ? source.substring(i, i + 2) : "";
                if (Set.of("<<", ">>", "**", "//", "==", "!=", "<=", ">=", ":=", "->").contains(two)) {
                    tokens.add(new Token(Kind.OPERATOR, two, null));
                    i += 2;
                } else if ("+-*/%&^|~()[],.:<>=!@".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), null));
                    i++;
                } else {
                    throw fail("character '" + c + "' is not allowed");
                }
            }
        }
        tokens.add(new Token(Kind.END, "", null));
    }

    private int number(int start) {
        int n = source.length();
        int i = start;
        char c = source.charAt(i);
        if (c == '0' && i + 1 < n && "xXoObB".indexOf(source.charAt(i + 1)) >= 0) {
            int radix = switch (Character.toLowerCase(source.charAt(i + 1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            i += 2;
            int digits = i;
            while (i < n && (Character.digit(source.charAt(i), radix) >= 0 || source.charAt(i) == '_')) {
                i++;
            }
            String text = source.substring(digits, i);
            if (!text.matches("_?[0-9A-Za-z]+(_[0-9A-Za-z]+)*")) {
                throw fail("bad number '" + source.substring(start, i) + "'");
            }
            return finishNumber(start, i, new Value.Int(new BigInteger(text.replace("_", ""), radix)));
        }
        while (i < n && (isDigit(source.charAt(i)) || source.charAt(i) == '_')) {
            i++;
        }
        boolean real = false;
        if (i < n && source.charAt(i) == '.') {
            real = true;
            i++;
            while (i < n && (isDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                i++;
            }
        }
        if (i < n && (source.charAt(i) == 'e' || source.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < n && (source.charAt(exponent) == '+' || source.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < n && isDigit(source.charAt(exponent))) {
                real = true;
                i = exponent;
                while (i < n && (isDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                    i++;
                }
            }
        }
        String text = source.substring(start, i);
        if (text.contains("__") || text.endsWith("_") || text.contains("_.") || text.contains("._")) {
            throw fail("bad number '" + text + "'");
        }
        String plain = text.replace("_", "");
        if (real) {
            return finishNumber(start, i, new Value.Real(Double.parseDouble(plain)));
        }
        if (plain.length() > 1 && plain.startsWith("0") && !plain.matches("0+")) {
            throw fail("leading zeros are not allowed in '" + text + "'");
        }
        return finishNumber(start, i, new Value.Int(new BigInteger(plain)));
    }

    private int finishNumber(int start, int end, Value value) {
        if (end < source.length() && isIdentifierChar(source.charAt(end))) {
            throw fail("bad number '" + source.substring(start, end + 1) + "'");
        }
        tokens.add(new Token(Kind.NUMBER, source.substring(start, end), value));
        return end;
    }

    private int string(int start) {
        char quote = source.charAt(start);
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i++);
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, source.substring(start, i), new Value.Text(text.toString())));
                return i;
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (i >= source.length()) {
                break;
            }
            char escaped = source.charAt(i++);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case '0' -> text.append('\0');
                case '\\', '\'', '"' -> text.append(escaped);
                default -> text.append('\\').append(escaped);   // Python keeps unknown escapes
            }
        }
        throw fail("text starting with " + quote + " is never closed");
    }

    private static boolean isIdentifierChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
