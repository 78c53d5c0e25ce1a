package org.confluentcollective.server.failover;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.noderange.MemberUniverse;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.server.noderange.UnknownNameException;

/**
 * Reads {@code collective.managercandidates} for one pass: a noderange evaluated against the
 * member names ({@code m[1-3]}, {@code /^m/}, {@code m1,m2}). A range naming a non-member is spelled
 * out by name instead, so that the members in it still count and the others are reported rather
 * than failing the node. Thousands of nodes share a few texts: each is evaluated once.
 */
final class CandidateRanges {

    private final NodeRanges noderanges;
    private final MemberUniverse members;
    private final Map<String, List<String>> resolved = new HashMap<>();
    private final Set<String> invalid = new TreeSet<>();

    CandidateRanges(NodeRanges noderanges, Set<String> members) {
        this.noderanges = noderanges;
        this.members = new MemberUniverse(members);
    }

    /** The names the text spells, members or not; empty for no text or an invalid one. */
    List<String> names(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return resolved.computeIfAbsent(text, this::resolve);
    }

    /** Texts that are no noderange at all (each named once per pass). */
    Set<String> invalid() {
        return invalid;
    }

    private List<String> resolve(String text) {
        try {
            return noderanges.expand(text, members);
        } catch (UnknownNameException notAllMembers) {
            try {
                return noderanges.expandNames(text);
            } catch (NodeRangeException e) {
                invalid.add(text);
                return List.of();
            }
        } catch (NodeRangeException e) {
            invalid.add(text);
            return List.of();
        }
    }
}
