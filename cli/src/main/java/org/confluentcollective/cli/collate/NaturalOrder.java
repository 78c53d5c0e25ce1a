package org.confluentcollective.cli.collate;

import java.util.Comparator;

/**
 * The noderange's natural sort (noderange.md §11): names split into runs of digits and of other
 * characters; digit runs compare as numbers, the others case-insensitively; ties ({@code n01}/{@code n1},
 * {@code N1}/{@code n1}) are broken by plain string comparison.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean digitA = isDigit(a.charAt(i));
            boolean digitB = isDigit(b.charAt(j));
            int endA = runEnd(a, i, digitA);
            int endB = runEnd(b, j, digitB);
            int order;
            if (digitA && digitB) {
                order = compareNumbers(a.substring(i, endA), b.substring(j, endB));
            } else if (digitA != digitB) {
                return digitA ? -1 : 1;
            } else {
                order = a.substring(i, endA).compareToIgnoreCase(b.substring(j, endB));
            }
            if (order != 0) {
                return order;
            }
            i = endA;
            j = endB;
        }
        if (i < a.length() || j < b.length()) {
            return i < a.length() ? 1 : -1;
        }
        return a.compareTo(b);
    }

    private static int compareNumbers(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static int runEnd(String s, int start, boolean digits) {
        int end = start;
        while (end < s.length() && isDigit(s.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
