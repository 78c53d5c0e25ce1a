package org.confluentcollective.server.attributes;

import com.google.re2j.Pattern;

/**
 * A shell-style pattern ({@code net.*switch}, {@code tpm2:*}) as Python's fnmatch reads it:
 * {@code *} matches any text (dots included), {@code ?} one character, {@code [...]} a character
 * class ({@code [!...]} negated). Matching is case-sensitive, and linear in the text (RE2):
 * users send globs, and {@code *a*a*a*...} would backtrack polynomially in java.util.regex.
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    public static Glob compile(String pattern) {
        return new Glob(pattern, Pattern.compile(toRegex(pattern), Pattern.DOTALL));
    }

    /** True when the text uses any pattern character, so it names more than itself. */
    public static boolean isPattern(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    public boolean matches(String text) {
        return regex.matcher(text).matches();
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static String toRegex(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int close = classEnd(pattern, i);
                if (close < 0) {
                    out.append("\\[");   // fnmatch: an unclosed '[' is literal
                } else {
                    out.append(charClass(pattern.substring(i, close)));
                    i = close + 1;
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    /** Index of the ']' closing a class that starts at {@code from}, or -1; a leading ']' is literal. */
    private static int classEnd(String pattern, int from) {
        int j = from;
        if (j < pattern.length() && pattern.charAt(j) == '!') {
            j++;
        }
        if (j < pattern.length() && pattern.charAt(j) == ']') {
            j++;
        }
        return pattern.indexOf(']', j);
    }

    private static String charClass(String body) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        if (body.startsWith("!")) {
            out.append('^');
            i = 1;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-' && i > 0 && i < body.length() - 1) {
                out.append('-');   // a range such as [0-9]
            } else if (Character.isLetterOrDigit(c) || c >= 0x80) {
                out.append(c);   // RE2 refuses an escaped non-ASCII character
            } else {
                out.append('\\').append(c);   // literal inside the class
            }
        }
        return out.append(']').toString();
    }
}
