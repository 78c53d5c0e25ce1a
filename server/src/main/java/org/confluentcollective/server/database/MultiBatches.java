package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Splits the names of a bulk change into batches that each fit one ZooKeeper multi. */
final class MultiBatches {

    /** Keeps each multi well below ZooKeeper's default 1 MiB packet limit. */
    private static final int BATCH_BYTES = 512 * 1024;
    private static final int BATCH_OPS = 1000;

    private MultiBatches() {
    }

    /** @param size the estimated bytes the change writes for a name */
    static List<List<String>> of(List<String> names, ToIntFunction<String> size) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (String name : names) {
            int estimate = size.applyAsInt(name);
            if (!current.isEmpty() && (current.size() >= BATCH_OPS || bytes + estimate > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(name);
            bytes += estimate;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
