package org.confluentcollective.server.api;

import java.util.List;
import java.util.SortedMap;

/**
 * What a restore or import did.
 *
 * @param counts     how many entries of each kind were written or removed ({@code nodes},
 *                   {@code groups}, {@code users}, {@code secrets}, {@code removed nodes}, ...)
 * @param skipped    data of the dump that could not be taken over, one line per item
 *                   (a secret without its key, an unknown attribute, ...)
 * @param notes      parts of the dump that have no counterpart here (user groups, collective
 *                   members, ...) and values kept although this version would refuse them as
 *                   input: listed, not an error
 */
public record ArchiveReport(SortedMap<String, Integer> counts, List<String> skipped, List<String> notes) {

    public ArchiveReport {
        counts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(counts));
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }
}
