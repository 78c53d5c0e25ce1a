package org.confluentcollective.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one node's operation gave: its data (the node's entry in {@code databynode}), or an error
 * with a code in HTTP's numbering ({@code {"error":"...","errorcode":N}}). A failed node never
 * fails the request it belongs to.
 *
 * @param data      the answer fields (JSON-compatible values), empty for an error
 * @param error     what went wrong, in words naming the node's manager or BMC; null on success
 * @param errorCode 0 on success, else an HTTP-style status (502 bad credentials or answer, 504
 *                  unreachable or silent, 400 bad settings, 501 unsupported, 500 other)
 */
public record NodeResult(Map<String, Object> data, String error, int errorCode) {

    public NodeResult {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        if ((error == null) != (errorCode == 0)) {
            throw new IllegalArgumentException("an error needs a code and a code needs an error");
        }
    }

    public static NodeResult of(Map<String, Object> data) {
        return new NodeResult(Objects.requireNonNull(data, "data"), null, 0);
    }

    public static NodeResult failed(int errorCode, String error) {
        return new NodeResult(Map.of(), Objects.requireNonNull(error, "error"), errorCode);
    }

    public boolean failed() {
        return error != null;
    }

    /** The node's entry as JSON-compatible values: its data, or {@code error} and {@code errorcode}. */
    public Map<String, Object> toEntry() {
        if (!failed()) {
            return data;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("error", error);
        entry.put("errorcode", errorCode);
        return entry;
    }
}
