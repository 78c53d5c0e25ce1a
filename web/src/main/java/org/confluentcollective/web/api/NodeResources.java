package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.confluentcollective.server.api.NodeOperations;

/**
 * The listings of a node's resources, as the original's resource tree answers them: {@code
 * GET /nodes/<n>/} names {@code attributes/} and each node operation's first path segment, a
 * segment with more below it as a sub-collection ({@code power/}), a resource itself without the
 * slash ({@code identify}); {@code GET /nodes/<n>/power/} lists {@code state}, and so on down.
 * Made from {@link NodeOperations#resources()}, so a new operation is listed without a change here.
 */
final class NodeResources {

    private final NodeOperations operations;

    NodeResources(NodeOperations operations) {
        this.operations = operations;
    }

    /** {@code GET /nodes/<n>/}. */
    ObjectNode node() {
        return Links.collection(withOperations(List.of("attributes/")));
    }

    /** {@code GET /noderange/<nr>/}: {@code nodes/} last, as the original appends it to the node's resources. */
    ObjectNode noderange() {
        List<String> items = new ArrayList<>(withOperations(List.of("attributes/", "deployment")));
        items.add("nodes/");
        return Links.collection(items);
    }

    /**
     * The listing of a node-operation path that is a sub-collection ({@code power}, {@code
     * inventory/hardware/}), or empty when it is none (a resource, or nothing).
     */
    Optional<ObjectNode> collection(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        List<String> items = children(prefix);
        return items.isEmpty() ? Optional.empty() : Optional.of(Links.collection(items));
    }

    private List<String> withOperations(List<String> own) {
        TreeSet<String> items = new TreeSet<>(NodeResources::byName);
        items.addAll(own);
        items.addAll(children(""));
        return List.copyOf(items);
    }

    /** The next segment of every resource below the prefix, {@code name/} when more follows; sorted by name. */
    private List<String> children(String prefix) {
        TreeSet<String> items = new TreeSet<>(NodeResources::byName);
        for (String resource : operations.resources()) {
            if (resource.startsWith(prefix) && resource.length() > prefix.length()) {
                String rest = resource.substring(prefix.length());
                int slash = rest.indexOf('/');
                items.add(slash < 0 ? rest : rest.substring(0, slash + 1));
            }
        }
        return List.copyOf(items);
    }

    /** By name, whether it names a sub-collection or a resource. */
    private static int byName(String a, String b) {
        int byName = strip(a).compareTo(strip(b));
        return byName != 0 ? byName : a.compareTo(b);
    }

    private static String strip(String item) {
        return item.endsWith("/") ? item.substring(0, item.length() - 1) : item;
    }
}
