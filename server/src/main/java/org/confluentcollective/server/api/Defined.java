package org.confluentcollective.server.api;

import java.util.List;

/**
 * What a definition created, with warnings for the caller (such as a node named like a group,
 * which the node then hides in every noderange).
 */
public record Defined(List<String> names, List<String> warnings) {

    public Defined {
        names = List.copyOf(names);
        warnings = List.copyOf(warnings);
    }
}
