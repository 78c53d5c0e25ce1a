package org.confluentcollective.server.api;

import java.util.List;

/**
 * Which attributes a read returns.
 *
 * @param includeUnset true for {@code attributes/all} (every catalog name, unset ones too),
 *                     false for {@code attributes/current}
 * @param patterns     names or shell-style globs ({@code net.*switch}); empty means all
 */
public record AttributeSelection(boolean includeUnset, List<String> patterns) {

    public AttributeSelection {
        patterns = List.copyOf(patterns);
    }

    public static AttributeSelection current() {
        return new AttributeSelection(false, List.of());
    }

    public static AttributeSelection all() {
        return new AttributeSelection(true, List.of());
    }
}
