package org.confluentcollective.cli.collate;

import java.util.ArrayList;
import java.util.List;

/**
 * collate -d's comparison of one output with the reference, in the original's form (textgroup's
 * {@code colordiff} over Python's {@code difflib.ndiff}): lines {@code "  same"}, {@code "- only in the
 * reference"}, {@code "+ only in this output"}; only lines within 3 of a change are shown, each run of
 * them opened by {@code @@}. Unlike ndiff it neither marks the changed characters of similar lines
 * (the original's {@code ?} hints, printed as red ANSI colour) nor interleaves such pairs: a changed
 * block is its removed lines, then its added lines.
 */
final class LineDiff {

    private static final int CONTEXT = 3;
    /** Above this many cells the middle is shown as replaced whole rather than aligned (memory). */
    private static final long MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    static List<String> of(List<String> reference, List<String> other) {
        List<String> marked = marked(reference, other);
        List<String> shown = new ArrayList<>();
        boolean quiet = true;
        for (int i = 0; i < marked.size(); i++) {
            if (nearChange(marked, i)) {
                if (quiet) {
                    quiet = false;
                    shown.add("@@");
                }
                shown.add(marked.get(i));
            } else {
                quiet = true;
            }
        }
        return shown;
    }

    private static boolean nearChange(List<String> marked, int index) {
        for (int i = Math.max(0, index - CONTEXT); i <= Math.min(marked.size() - 1, index + CONTEXT); i++) {
            if (marked.get(i).charAt(0) != ' ') {
                return true;
            }
        }
        return false;
    }

    /** Every line of both, marked {@code "  "}, {@code "- "} or {@code "+ "}, along a longest common subsequence. */
    private static List<String> marked(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<String> marked = new ArrayList<>();
        a.subList(0, start).forEach(line -> marked.add("  " + line));
        int rows = endA - start;
        int columns = endB - start;
        if ((long) (rows + 1) * (columns + 1) > MAX_CELLS) {
            a.subList(start, endA).forEach(line -> marked.add("- " + line));
            b.subList(start, endB).forEach(line -> marked.add("+ " + line));
        } else {
            // common[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB)
            int[][] common = new int[rows + 1][columns + 1];
            for (int i = rows - 1; i >= 0; i--) {
                for (int j = columns - 1; j >= 0; j--) {
                    common[i][j] = a.get(start + i).equals(b.get(start + j)) ? common[i + 1][j + 1] + 1
                            : Math.max(common[i + 1][j], common[i][j + 1]);
                }
            }
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < rows || j < columns) {
                if (i < rows && j < columns && a.get(start + i).equals(b.get(start + j))) {
                    flush(marked, removed, added);
                    marked.add("  " + a.get(start + i));
                    i++;
                    j++;
                } else if (j == columns || (i < rows && common[i + 1][j] >= common[i][j + 1])) {
                    removed.add("- " + a.get(start + i++));
                } else {
                    added.add("+ " + b.get(start + j++));
                }
            }
            flush(marked, removed, added);
        }
        a.subList(endA, a.size()).forEach(line -> marked.add("  " + line));
        return marked;
    }

    private static void flush(List<String> marked, List<String> removed, List<String> added) {
        marked.addAll(removed);
        marked.addAll(added);
        removed.clear();
        added.clear();
    }
}
