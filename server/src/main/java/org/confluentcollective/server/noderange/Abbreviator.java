package org.confluentcollective.server.noderange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a set of names as a short noderange. Works from the last number of each name to the
 * first: names that differ only in that number are merged into one bracket list of runs
 * ({@code n[1-4,7]}), then names whose remaining text is equal are merged on the next number
 * to the left ({@code r[1-2]u[01-42]}). Every merge is a Cartesian product of exactly the names
 * merged, so the result spells the input and nothing else.
 */
final class Abbreviator {

    private static final int MAX_DIGITS = 18;

    /** A name part way through: {@code head} still plain text, {@code tail} already written. */
    private record Item(String head, String tail) {
    }

    /** The digits of the number being merged on, and its value. */
    private record Number(String digits, long value) {
    }

    private Abbreviator() {
    }

    static String abbreviate(Collection<String> names) {
        List<Item> items = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            if (!NodeRanges.isValidName(name)) {
                throw new IllegalArgumentException("cannot abbreviate '" + name + "': not a valid node name");
            }
            items.add(new Item(name, ""));
        }
        TreeSet<String> written = new TreeSet<>(new NaturalOrder());
        while (!items.isEmpty()) {
            Map<Item, List<Number>> groups = new LinkedHashMap<>();
            for (Item item : items) {
                int end = lastDigit(item.head());
                if (end < 0) {
                    written.add(item.head() + item.tail());
                    continue;
                }
                int start = end;
                while (start > 0 && isDigit(item.head().charAt(start - 1))) {
                    start--;
                }
                String digits = item.head().substring(start, end + 1);
                Item key = new Item(item.head().substring(0, start), item.head().substring(end + 1) + item.tail());
                long value = digits.length() > MAX_DIGITS ? -1 : Long.parseLong(digits);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Number(digits, value));
            }
            items = new ArrayList<>();
            for (Map.Entry<Item, List<Number>> group : groups.entrySet()) {
                Item key = group.getKey();
                items.add(new Item(key.head(), numbers(group.getValue()) + key.tail()));
            }
        }
        return String.join(",", written);
    }

    /** One number as itself, several as a bracket list of runs that spell exactly those digits. */
    private static String numbers(List<Number> numbers) {
        if (numbers.size() == 1) {
            return numbers.get(0).digits();
        }
        numbers.sort((a, b) -> a.value() != b.value() ? Long.compare(a.value(), b.value())
                : a.digits().compareTo(b.digits()));
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        while (i < numbers.size()) {
            Number first = numbers.get(i);
            int last = i;
            while (first.value() >= 0 && last + 1 < numbers.size()
                    && extends_(numbers.get(last), numbers.get(last + 1), first.digits().length())) {
                last++;
            }
            out.append(i == 0 ? "" : ",").append(first.digits());
            if (last > i) {
                out.append('-').append(numbers.get(last).digits());
            }
            i = last + 1;
        }
        return out.append(']').toString();
    }

    /** Whether {@code next} follows {@code previous} in a range whose left end is {@code width} wide. */
    private static boolean extends_(Number previous, Number next, int width) {
        if (next.value() != previous.value() + 1) {
            return false;
        }
        StringBuilder padded = new StringBuilder();
        NameRange.appendPadded(padded, next.value(), width);
        return padded.toString().equals(next.digits());
    }

    private static int lastDigit(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (isDigit(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
