package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.RequestException;

/**
 * A share of a node operation another member sends to the member managing those nodes
 * ({@code POST /collective/nodeoperations}):
 * {@code {"resource":"power/state","change":true,"input":{...},"nodes":["n1","n2"]}}.
 */
record ForwardedShare(NodeOperation operation, List<String> nodes) {

    static final String RESOURCE = "resource";
    static final String CHANGE = "change";
    static final String INPUT = "input";
    static final String NODES = "nodes";
    private static final Set<String> KEYS = Set.of(RESOURCE, CHANGE, INPUT, NODES);

    ForwardedShare {
        nodes = List.copyOf(nodes);
    }

    /** Reads a share, refusing anything but exactly the contract's keys and types (400). */
    static ForwardedShare of(JsonNode body) {
        ObjectNode share = Bodies.object(body);
        for (Iterator<String> keys = share.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw RequestException.badRequest("unknown key '" + key + "'; expected " + new TreeSet<>(KEYS));
            }
        }
        String resource = Bodies.requiredText(share, RESOURCE);
        JsonNode change = share.path(CHANGE);
        if (!change.isBoolean()) {
            throw RequestException.badRequest("'" + CHANGE + "' must be true or false");
        }
        JsonNode input = share.path(INPUT);
        if (!input.isObject()) {
            throw RequestException.badRequest("'" + INPUT + "' must be a JSON object");
        }
        return new ForwardedShare(new NodeOperation(resource, change.booleanValue(),
                NodeOperationRequests.input((ObjectNode) input)), names(share.path(NODES)));
    }

    private static List<String> names(JsonNode nodes) {
        if (!nodes.isArray()) {
            throw RequestException.badRequest("'" + NODES + "' must be a list of node names");
        }
        List<String> names = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (!node.isTextual() || node.textValue().isEmpty()) {
                throw RequestException.badRequest("'" + NODES + "' must hold only non-empty node names");
            }
            names.add(node.textValue());
        }
        return names;
    }
}
