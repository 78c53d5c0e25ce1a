package org.confluentcollective.server.noderange;

import java.util.Comparator;

/**
 * Natural order of node and group names (noderange.md section 11): names are split into
 * alternating text and digit runs; text runs compare case-insensitively as whole runs, digit
 * runs as numbers ({@code n2 < n10}). Remaining ties ({@code n01}/{@code n1}, {@code N1}/{@code n1})
 * are broken by plain string comparison, so the order is total and consistent with equals.
 *
 * <p>Compares in place without allocating: sorting 100,000 names must stay cheap.
 */
public final class NaturalOrder implements Comparator<String> {

    @Override
    public int compare(String a, String b) {
        int result = compareRuns(a, b);
        return result != 0 ? result : a.compareTo(b);
    }

    private static int compareRuns(String a, String b) {
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (true) {
            // Text runs (possibly empty), compared as whole strings: a shorter run that is a
            // prefix of the other sorts first, like Python's comparison of the split keys.
            while (i < n && j < m && !isDigit(a.charAt(i)) && !isDigit(b.charAt(j))) {
                char x = Character.toLowerCase(a.charAt(i++));
                char y = Character.toLowerCase(b.charAt(j++));
                if (x != y) {
                    return x < y ? -1 : 1;
                }
            }
            boolean aTextEnds = i == n || isDigit(a.charAt(i));
            boolean bTextEnds = j == m || isDigit(b.charAt(j));
            if (aTextEnds != bTextEnds) {
                return aTextEnds ? -1 : 1;
            }
            if (i == n || j == m) {
                return Boolean.compare(i < n, j < m);
            }
            // Both at a digit run: compare by value without parsing (skip leading zeros).
            int aStart = i;
            int bStart = j;
            while (i < n && isDigit(a.charAt(i))) {
                i++;
            }
            while (j < m && isDigit(b.charAt(j))) {
                j++;
            }
            int result = compareNumbers(a, aStart, i, b, bStart, j);
            if (result != 0) {
                return result;
            }
        }
    }

    private static int compareNumbers(String a, int aStart, int aEnd, String b, int bStart, int bEnd) {
        while (aStart < aEnd - 1 && a.charAt(aStart) == '0') {
            aStart++;
        }
        while (bStart < bEnd - 1 && b.charAt(bStart) == '0') {
            bStart++;
        }
        int lengths = Integer.compare(aEnd - aStart, bEnd - bStart);
        if (lengths != 0) {
            return lengths;
        }
        for (; aStart < aEnd; aStart++, bStart++) {
            char x = a.charAt(aStart);
            char y = b.charAt(bStart);
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
