package org.confluentcollective.server.api;

import java.util.List;

/**
 * Node names as a transport resolves them before acting on nodes: noderanges expanded and single
 * nodes checked against the database, with its errors (a bad noderange, an unknown name, a
 * noderange refused for its cost) and limits.
 */
public interface NodeNames {

    /** Expands a noderange against the current database (naturally sorted). */
    List<String> expand(String noderange);

    boolean nodeExists(String node);

    /**
     * Expands a noderange that a change is about to act on. A name this member's copy does not
     * hold may have been created on another member a moment ago, so before calling it unknown
     * the copy catches up with the collective (as a consistent read does).
     */
    List<String> expandForChange(String noderange);

    /** {@link #nodeExists}, asking the collective before answering no (see expandForChange). */
    boolean nodeExistsForChange(String node);
}
