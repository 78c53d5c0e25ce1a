package org.confluentcollective.cli.collate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a set of node names as a short noderange, locally (confluentd has no abbreviation
 * endpoint): names that differ only in their last number become one bracket of runs
 * ({@code n[1-4,7]}), then names whose other text is equal merge on the number to the left of
 * that ({@code r[1-2]u[01-42]}). Only names that are all there are merged, so the noderange
 * expands to exactly the names given. Runs keep zero padding the way ranges expand it: the
 * width of the left end ({@code [08-10]}; {@code 1} and {@code 02} stay apart).
 */
public final class Abbreviation {

    /** Longer numbers are listed, never made into runs. */
    private static final int MAX_DIGITS = 18;

    /** Names {@code head} × the noderange text {@code tail}: the head is still plain, the tail written. */
    private record Item(String head, String tail) {
    }

    private Abbreviation() {
    }

    public static String of(Collection<String> names) {
        List<Item> items = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            items.add(new Item(name, ""));
        }
        TreeSet<String> done = new TreeSet<>(NaturalOrder.INSTANCE);
        while (!items.isEmpty()) {
            Map<Item, List<String>> byRest = new LinkedHashMap<>();
            for (Item item : items) {
                int end = item.head().length();
                while (end > 0 && !NaturalOrder.isDigit(item.head().charAt(end - 1))) {
                    end--;
                }
                if (end == 0) {
                    done.add(item.head() + item.tail());
                    continue;
                }
                int start = end;
                while (start > 0 && NaturalOrder.isDigit(item.head().charAt(start - 1))) {
                    start--;
                }
                Item rest = new Item(item.head().substring(0, start), item.head().substring(end) + item.tail());
                byRest.computeIfAbsent(rest, r -> new ArrayList<>()).add(item.head().substring(start, end));
            }
            items = new ArrayList<>();
            for (Map.Entry<Item, List<String>> group : byRest.entrySet()) {
                items.add(new Item(group.getKey().head(), numbers(group.getValue()) + group.getKey().tail()));
            }
        }
        return String.join(",", done);
    }

    /** One number as it is; several as {@code [a-b,c,...]}, in numeric order. */
    static String numbers(List<String> digits) {
        if (digits.size() == 1) {
            return digits.get(0);
        }
        List<String> sorted = new ArrayList<>(digits);
        sorted.sort(NaturalOrder.INSTANCE);
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        while (i < sorted.size()) {
            int last = i;
            while (last + 1 < sorted.size() && follows(sorted.get(last), sorted.get(last + 1), sorted.get(i).length())) {
                last++;
            }
            out.append(i == 0 ? "" : ",").append(sorted.get(i));
            if (last > i) {
                out.append('-').append(sorted.get(last));
            }
            i = last + 1;
        }
        return out.append(']').toString();
    }

    /** Whether {@code next} is what a range whose left end is {@code width} digits wide gives after {@code previous}. */
    private static boolean follows(String previous, String next, int width) {
        if (previous.length() > MAX_DIGITS || next.length() > MAX_DIGITS) {
            return false;
        }
        long expected = Long.parseLong(previous) + 1;
        String padded = String.format("%0" + width + "d", expected);
        return padded.equals(next);
    }
}
