package org.confluentcollective.server.expressions;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed template in Python format-string syntax (expressions.md section 2): literal text with
 * {@code {{}/{@code }}} escapes and fields {@code {EXPR!CONV:SPEC}}. EXPR ends at the first
 * {@code :} or {@code !} outside {@code [...]}; SPEC may hold fields itself, one level deep.
 */
record Template(List<Piece> pieces) {

    sealed interface Piece {
    }

    record Literal(String text) implements Piece {
    }

    /**
     * One replacement field.
     *
     * @param column     1-based column of the expression in the whole template
     * @param conversion the character after {@code !}, or 0
     * @param spec       the format spec as a template (fields expanded first), or null
     * @param rawSpec    the format spec as written, or null
     */
    record Field(String expression, int column, char conversion, Template spec, String rawSpec) implements Piece {
    }

    public Template {
        pieces = List.copyOf(pieces);
    }

    static Template parse(String text) {
        return new Parser(text).parse(0, text.length(), 0);
    }

    boolean hasFields() {
        return pieces.stream().anyMatch(piece -> piece instanceof Field);
    }

    /** Every field, those nested in format specs included. */
    List<Field> allFields() {
        List<Field> fields = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece instanceof Field field) {
                fields.add(field);
                if (field.spec() != null) {
                    fields.addAll(field.spec().allFields());
                }
            }
        }
        return fields;
    }

    /** The text of a template without fields, braces unescaped. */
    String literalText() {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            out.append(((Literal) piece).text());
        }
        return out.toString();
    }

    private static final class Parser {
        private final String text;

        Parser(String text) {
            this.text = text;
        }

        Template parse(int from, int to, int depth) {
            List<Piece> pieces = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int i = from;
            while (i < to) {
                char c = text.charAt(i);
                if (c == '{' && i + 1 < to && text.charAt(i + 1) == '{') {
                    literal.append('{');
                    i += 2;
                } else if (c == '}' && i + 1 < to && text.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                } else if (c == '}') {
                    throw new TemplateSyntaxException(i + 1, "single '}' (write '}}' for a literal brace)");
                } else if (c == '{') {
                    if (literal.length() > 0) {
                        pieces.add(new Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    i = field(i, to, depth, pieces);
                } else {
                    literal.append(c);
                    i++;
                }
            }
            if (literal.length() > 0) {
                pieces.add(new Literal(literal.toString()));
            }
            return new Template(pieces);
        }

        /** Parses the field opened at {@code open}; returns the index after its closing brace. */
        private int field(int open, int to, int depth, List<Piece> pieces) {
            if (depth >= 2) {
                throw new TemplateSyntaxException(open + 1, "fields can be nested in a format spec only one level deep");
            }
            int i = open + 1;
            while (i < to && ":!}".indexOf(text.charAt(i)) < 0) {
                char c = text.charAt(i);
                if (c == '{') {
                    throw new TemplateSyntaxException(i + 1, "unexpected '{' inside a field");
                }
                if (c == '[') {
                    int close = text.indexOf(']', i + 1);
                    if (close < 0 || close >= to) {
                        throw new TemplateSyntaxException(i + 1, "'[' is never closed");
                    }
                    i = close;
                }
                i++;
            }
            if (i >= to) {
                throw new TemplateSyntaxException(open + 1, "'{' is never closed");
            }
            String expression = text.substring(open + 1, i);
            char conversion = 0;
            if (text.charAt(i) == '!') {
                if (i + 1 >= to) {
                    throw new TemplateSyntaxException(i + 1, "'!' must be followed by a conversion such as 's'");
                }
                conversion = text.charAt(i + 1);
                i += 2;
                if (i >= to || (text.charAt(i) != ':' && text.charAt(i) != '}')) {
                    throw new TemplateSyntaxException(i + 1, "expected ':' or '}' after the conversion");
                }
            }
            Template spec = null;
            String rawSpec = null;
            if (text.charAt(i) == ':') {
                int specStart = i + 1;
                int nesting = 1;
                int j = specStart;
                for (; j < to; j++) {
                    char c = text.charAt(j);
                    if (c == '{') {
                        nesting++;
                    } else if (c == '}' && --nesting == 0) {
                        break;
                    }
                }
                if (j >= to) {
                    throw new TemplateSyntaxException(open + 1, "'{' is never closed");
                }
                rawSpec = text.substring(specStart, j);
                spec = parse(specStart, j, depth + 1);
                i = j;
            }
            pieces.add(new Field(expression, open + 2, conversion, spec, rawSpec));
            return i + 1;
        }
    }
}
