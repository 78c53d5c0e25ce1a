package org.confluentcollective.server.api;

import java.util.Map;
import java.util.Objects;

/**
 * One node-scoped operation, as the REST path names it under {@code /nodes/<n>/} and
 * {@code /noderange/<nr>/} ({@code power/state}, {@code boot/nextdevice}, {@code identify},
 * {@code inventory/hardware/all/all}, {@code health/hardware}, {@code sensors/hardware/all}).
 * Transport-neutral, so a member can forward it to another member unchanged.
 *
 * @param resource the sub-resource path, without leading or trailing slash
 * @param change   whether it changes something (PUT) rather than reads (GET)
 * @param input    the request body's fields for a change (JSON-compatible values), empty for a read
 */
public record NodeOperation(String resource, boolean change, Map<String, Object> input) {

    public NodeOperation {
        Objects.requireNonNull(resource, "resource");
        input = Map.copyOf(input);
    }

    public static NodeOperation read(String resource) {
        return new NodeOperation(resource, false, Map.of());
    }

    public static NodeOperation change(String resource, Map<String, Object> input) {
        return new NodeOperation(resource, true, input);
    }
}
