package org.confluentcollective.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** "Did you mean": the known names closest to a mistyped one, by edit distance. */
public final class Suggestions {

    private static final int MAX_SUGGESTIONS = 3;

    private Suggestions() {
    }

    /**
     * The candidates nearest to {@code word}, at most 3, in the candidates' order: those at the
     * smallest edit distance (insertions, deletions, substitutions and swaps of neighbours count
     * one each), if that is small enough to be a typing mistake: a third of the word's length, at
     * least 1 and at most 3.
     */
    public static List<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate.equals(word)) {
                continue;
            }
            int distance = distance(word, candidate);
            if (distance > limit || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                nearest.clear();
            }
            if (!nearest.contains(candidate)) {
                nearest.add(candidate);
            }
        }
        return nearest.size() > MAX_SUGGESTIONS ? List.copyOf(nearest.subList(0, MAX_SUGGESTIONS)) : nearest;
    }

    /** " (did you mean a, b or c?)", or "" when there is nothing to suggest. */
    public static String didYouMean(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        String listed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return " (did you mean " + listed + "?)";
    }

    /** Optimal string alignment distance (Levenshtein plus transpositions of adjacent characters). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
