package org.confluentcollective.server.api;

import java.util.Collection;
import java.util.Map;

/**
 * Effective attribute values of nodes for the services that act on them (hardware management,
 * deployment): inheritance applied, expressions evaluated and secrets opened. Secrets read here
 * are for talking to BMCs and nodes only; they must never reach an answer or a log.
 */
public interface NodeValues {

    /**
     * The node's effective values of {@code attributes}; an unset or broken attribute is absent.
     *
     * @throws RequestException NOT_FOUND for an unknown node
     */
    Map<String, String> values(String node, Collection<String> attributes);

    /**
     * Sets one attribute of a node (a pinned BMC certificate, say), replicated as any change.
     *
     * @throws RequestException as any change (UNAVAILABLE without a quorum, ...)
     */
    void set(String node, String attribute, String value);
}
