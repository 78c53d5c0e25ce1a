package org.confluentcollective.hardware.bmc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of a node's hardware ({@code System}, {@code Processor 1}, {@code Memory 1},
 * {@code NIC 1}...) with what the BMC tells about it, in the BMC's order. Property names follow
 * the original's ({@code Product name}, {@code Serial Number}, {@code UUID}, {@code BIOS version},
 * {@code Model}, {@code MAC Address 1}...).
 */
public record InventoryItem(String name, boolean present, Map<String, String> information) {

    public InventoryItem {
        Objects.requireNonNull(name, "name");
        information = Collections.unmodifiableMap(new LinkedHashMap<>(information));
    }
}
