package org.confluentcollective.server.noderange;

import java.util.Comparator;

/**
 * Natural sort of names (noderange.md §11): alternating text and digit runs, digit runs
 * compared as numbers, text runs case-insensitively, ties broken by plain string comparison.
 */
public final class NaturalOrder implements Comparator<String> {

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean digitA = Character.isDigit(a.charAt(i));
            boolean digitB = Character.isDigit(b.charAt(j));
            if (digitA != digitB) {
                return digitA ? -1 : 1;
            }
            int endA = runEnd(a, i, digitA);
            int endB = runEnd(b, j, digitB);
            int cmp = digitA ? compareNumbers(a, i, endA, b, j, endB)
                    : a.substring(i, endA).compareToIgnoreCase(b.substring(j, endB));
            if (cmp != 0) {
                return cmp;
            }
            i = endA;
            j = endB;
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int runEnd(String s, int start, boolean digits) {
        int end = start;
        while (end < s.length() && Character.isDigit(s.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    private static int compareNumbers(String a, int startA, int endA, String b, int startB, int endB) {
        while (startA < endA - 1 && a.charAt(startA) == '0') {
            startA++;
        }
        while (startB < endB - 1 && b.charAt(startB) == '0') {
            startB++;
        }
        int byLength = Integer.compare(endA - startA, endB - startB);
        if (byLength != 0) {
            return byLength;
        }
        for (int k = 0; k < endA - startA; k++) {
            int cmp = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }
}
