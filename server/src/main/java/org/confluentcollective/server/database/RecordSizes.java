package org.confluentcollective.server.database;

import java.util.Map;

/** Cheap estimates of a record's encoded size, for cutting bulk writes into multis. */
final class RecordSizes {

    private RecordSizes() {
    }

    static int estimate(NodeRecord record) {
        int size = 32;
        for (String group : record.groups()) {
            size += utf8Length(group) + 3;
        }
        for (Map.Entry<String, StoredValue> entry : record.attributes().entrySet()) {
            StoredValue value = entry.getValue();
            size += utf8Length(entry.getKey()) + 16
                    + length(value.value()) + length(value.expression()) + length(value.cryptvalue())
                    + length(value.hashvalue()) + length(value.grubhashvalue());
        }
        // JSON escaping can grow text; leave room for it.
        return size + size / 4;
    }

    private static int length(String text) {
        return text == null ? 0 : utf8Length(text) + 12;
    }

    /** What the text takes in UTF-8: the codec writes non-ASCII text unescaped. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
