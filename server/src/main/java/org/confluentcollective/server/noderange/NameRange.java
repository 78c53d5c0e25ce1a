package org.confluentcollective.server.noderange;

import java.util.List;
import java.util.function.Consumer;

/**
 * The names a range spells: fixed text interleaved with numbers that run from..to (Cartesian
 * product when several differ, noderange.md 4.4), each zero padded to the width of the range's
 * left end. Names are generated lazily so a range over a database can fail at the first
 * unknown name without building the rest.
 *
 * @param texts   the fixed text around the numbers: {@code texts.size() == numbers.size() + 1}
 * @param numbers the varying numbers, leftmost first
 */
record NameRange(List<String> texts, List<Numbers> numbers) {

    /** Largest number of names one range may spell: no more than a whole noderange may. */
    static final long LIMIT = NameBudget.LIMIT;

    /** One varying number: from..to by step, printed at least {@code width} digits wide. */
    record Numbers(long from, long to, long step, int width) {
        long count() {
            return (to - from) / step + 1;
        }
    }

    public NameRange {
        texts = List.copyOf(texts);
        numbers = List.copyOf(numbers);
    }

    /** How many names the range spells, or more than {@link #LIMIT} when that is exceeded. */
    long size() {
        long size = 1;
        for (Numbers number : numbers) {
            size *= number.count();
            if (size > LIMIT) {
                return LIMIT + 1;
            }
        }
        return size;
    }

    void forEach(Consumer<String> action) {
        long[] current = new long[numbers.size()];
        for (int i = 0; i < current.length; i++) {
            current[i] = numbers.get(i).from();
        }
        StringBuilder name = new StringBuilder();
        while (true) {
            name.setLength(0);
            for (int i = 0; i < current.length; i++) {
                name.append(texts.get(i));
                appendPadded(name, current[i], numbers.get(i).width());
            }
            action.accept(name.append(texts.get(current.length)).toString());
            // Odometer: advance the rightmost number, carrying to the left.
            int i = current.length - 1;
            while (i >= 0 && current[i] + numbers.get(i).step() > numbers.get(i).to()) {
                current[i] = numbers.get(i).from();
                i--;
            }
            if (i < 0) {
                return;
            }
            current[i] += numbers.get(i).step();
        }
    }

    static void appendPadded(StringBuilder out, long value, int width) {
        String digits = Long.toString(value);
        for (int pad = width - digits.length(); pad > 0; pad--) {
            out.append('0');
        }
        out.append(digits);
    }
}
