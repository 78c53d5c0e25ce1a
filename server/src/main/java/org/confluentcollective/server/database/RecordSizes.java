package org.confluentcollective.server.database;

import java.util.Map;

/** Cheap estimates of a record's encoded size, for cutting bulk writes into multis. */
final class RecordSizes {

    private RecordSizes() {
    }

    static int estimate(NodeRecord record) {
        int size = 32;
        for (String group : record.groups()) {
            size += group.length() + 3;
        }
        for (Map.Entry<String, StoredValue> entry : record.attributes().entrySet()) {
            StoredValue value = entry.getValue();
            size += entry.getKey().length() + 16
                    + length(value.value()) + length(value.expression()) + length(value.cryptvalue())
                    + length(value.hashvalue()) + length(value.grubhashvalue());
        }
        // JSON escaping can grow text; leave room for it.
        return size + size / 4;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length() + 12;
    }
}
