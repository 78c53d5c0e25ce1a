package org.confluentcollective.server.noderange;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.noderange.NameRange.Numbers;

/**
 * Reads one name-like text as a range (noderange.md section 4 with decision 2: ends are read
 * whole, only numbers may differ between them).
 *
 * <ul>
 *   <li>{@code a:b} and {@code a..b} are always ranges (in brackets also {@code a:b:step}, and
 *       there {@code -} means {@code :} as soon as either is present);</li>
 *   <li>{@code a-b} is a range only when both ends have the same shape (same text, numbers in
 *       the same places): {@code n1-n20}, {@code login-1-login-4}; otherwise the dash is part
 *       of a name ({@code login-1});</li>
 *   <li>{@code name+K} counts K names on from the last number of the name.</li>
 * </ul>
 */
final class RangeSyntax {

    private static final int MAX_DIGITS = 18;

    private final String noderange;
    private final int column;
    private final boolean bracket;

    private RangeSyntax(String noderange, int column, boolean bracket) {
        this.noderange = noderange;
        this.column = column;
        this.bracket = bracket;
    }

    /**
     * The range a text spells, or null when it is not range-shaped (a plain name).
     *
     * @param column  where the text starts, for error messages
     * @param bracket whether the text comes from inside brackets, where a step is allowed
     * @throws NodeRangeException when it is range-shaped but malformed
     */
    static NameRange read(String noderange, String text, int column, boolean bracket) {
        return new RangeSyntax(noderange, column, bracket).read(text);
    }

    private NameRange read(String text) {
        if (bracket && (text.contains(":") || text.contains(".."))) {
            return strict(text.replace("..", ":").replace('-', ':'), ":");   // '-' and '..' mean ':' there
        }
        if (text.contains(":")) {
            return strict(text, ":");
        }
        if (text.contains("..")) {
            return strict(text, "..");
        }
        if (text.contains("-")) {
            return dashed(text);
        }
        if (text.contains("+")) {
            return count(text);
        }
        return null;
    }

    private NameRange strict(String text, String delimiter) {
        List<String> pieces = split(text, delimiter);
        int maxPieces = bracket ? 3 : 2;
        if (pieces.size() > maxPieces) {
            int second = text.indexOf(delimiter, text.indexOf(delimiter) + delimiter.length());
            if (bracket) {
                second = text.indexOf(delimiter, second + delimiter.length());
            }
            throw fail(second, "a range has one '" + delimiter + "' between its ends"
                    + (bracket ? " and optionally one before a step" : ""));
        }
        String left = pieces.get(0);
        String right = pieces.get(1);
        int rightAt = left.length() + delimiter.length();
        if (left.isEmpty()) {
            throw fail(0, "range has no start");
        }
        if (right.isEmpty()) {
            throw fail(rightAt, "range has no end");
        }
        long step = 1;
        if (pieces.size() == 3) {
            step = step(pieces.get(2), rightAt + right.length() + delimiter.length());
        }
        return between(left, right, rightAt, step);
    }

    private NameRange dashed(String text) {
        if (text.endsWith("-")) {
            throw fail(text.length(), "range has no end");
        }
        if (text.startsWith("-")) {
            throw fail(0, "range has no start");
        }
        List<String> pieces = split(text, "-");
        if (bracket && pieces.size() == 3 && isDigits(pieces.get(2)) && sameShape(pieces.get(0), pieces.get(1))) {
            int stepAt = pieces.get(0).length() + pieces.get(1).length() + 2;
            return between(pieces.get(0), pieces.get(1), pieces.get(0).length() + 1, step(pieces.get(2), stepAt));
        }
        if (pieces.size() % 2 != 0) {
            return null;
        }
        int half = pieces.size() / 2;
        String left = String.join("-", pieces.subList(0, half));
        String right = String.join("-", pieces.subList(half, pieces.size()));
        return sameShape(left, right) ? between(left, right, left.length() + 1, 1) : null;
    }

    /** {@code name+K}: from the name to the name with its last number increased by K. */
    private NameRange count(String text) {
        List<String> pieces = split(text, "+");
        if (pieces.size() > 2) {
            throw fail(text.indexOf('+', text.indexOf('+') + 1), "the count form 'name+N' has a single '+'");
        }
        String name = pieces.get(0);
        String more = pieces.get(1);
        if (name.isEmpty()) {
            throw fail(0, "'+' needs a name before it, as in 'n1+3'");
        }
        if (!isDigits(more)) {
            throw fail(name.length() + 1, "'+' must be followed by a number, as in 'n1+3'");
        }
        List<String> runs = runs(name);
        int last = runs.size() - 1;
        while (last >= 0 && !isDigits(runs.get(last))) {
            last--;
        }
        if (last < 0) {
            throw fail(0, "'" + name + "' has no number to count on from");
        }
        String run = runs.get(last);
        long end = number(run, 0);
        long increment = number(more, name.length() + 1);
        if (end > Long.MAX_VALUE - increment) {
            throw fail(name.length() + 1, "number too large");
        }
        StringBuilder endName = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            if (i == last) {
                NameRange.appendPadded(endName, end + increment, run.length());
            } else {
                endName.append(runs.get(i));
            }
        }
        return between(name, endName.toString(), 0, 1);
    }

    private NameRange between(String left, String right, int rightAt, long step) {
        List<String> leftRuns = runs(left);
        List<String> rightRuns = runs(right);
        if (leftRuns.size() != rightRuns.size()) {
            throw fail(0, "range ends '" + left + "' and '" + right + "' differ in more than their numbers");
        }
        List<String> texts = new ArrayList<>();
        List<Numbers> numbers = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int leftAt = 0;
        for (int i = 0; i < leftRuns.size(); i++) {
            String a = leftRuns.get(i);
            String b = rightRuns.get(i);
            if (a.equals(b)) {
                text.append(a);
            } else if (isDigits(a) && isDigits(b)) {
                long from = number(a, leftAt);
                long to = number(b, rightAt);
                if (from == to) {
                    throw fail(leftAt, "'" + a + "' and '" + b + "' are the same number written differently");
                }
                if (from > to) {
                    throw fail(leftAt, "range goes backwards: " + a + " comes after " + b);
                }
                texts.add(text.toString());
                text.setLength(0);
                numbers.add(new Numbers(from, to, step, a.length()));
            } else {
                throw fail(leftAt, "range ends '" + left + "' and '" + right + "' differ in '" + a + "' and '"
                        + b + "'; only numbers may differ");
            }
            leftAt += a.length();
            rightAt += b.length();
        }
        texts.add(text.toString());
        NameRange range = new NameRange(texts, numbers);
        if (range.size() > NameRange.LIMIT) {
            throw new NodeRangeLimitException(noderange, column, "range spells more than " + NameRange.LIMIT + " names");
        }
        return range;
    }

    private long step(String digits, int at) {
        if (digits.isEmpty()) {
            throw fail(at, "range has no step after the last delimiter");
        }
        if (!isDigits(digits)) {
            throw fail(at, "a range step must be a number");
        }
        long step = number(digits, at);
        if (step == 0) {
            throw fail(at, "a range step cannot be 0");
        }
        return step;
    }

    private long number(String digits, int at) {
        if (digits.length() > MAX_DIGITS) {
            throw fail(at, "number '" + digits + "' is too long");
        }
        return Long.parseLong(digits);
    }

    /** Same shape: the same runs of text, with numbers in the same places. */
    private static boolean sameShape(String left, String right) {
        List<String> a = runs(left);
        List<String> b = runs(right);
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            boolean digits = isDigits(a.get(i));
            if (digits != isDigits(b.get(i)) || (!digits && !a.get(i).equals(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Alternating runs of digits and of other characters. */
    static List<String> runs(String text) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || isDigit(text.charAt(i)) != isDigit(text.charAt(i - 1))) {
                runs.add(text.substring(start, i));
                start = i;
            }
        }
        return runs;
    }

    private static List<String> split(String text, String delimiter) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = text.indexOf(delimiter, start)) >= 0) {
            pieces.add(text.substring(start, at));
            start = at + delimiter.length();
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private NodeRangeException fail(int offset, String problem) {
        return new NodeRangeException(noderange, column + offset, problem);
    }
}
