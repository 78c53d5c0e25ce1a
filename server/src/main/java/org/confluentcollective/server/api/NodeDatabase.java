package org.confluentcollective.server.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The collective's node and group attribute database. Reads are answered from this member's
 * in-memory copy and see every write this member acknowledged; writes are replicated before
 * they return. Failures are {@link RequestException}s (or a
 * {@link NodeRangeException} for a bad noderange) and
 * leave the database unchanged. As {@link NodeNames} it expands noderanges for transports; as
 * {@link NodeValues} it gives services the effective values they act on, secrets opened.
 */
public interface NodeDatabase extends NodeNames, NodeValues {

    @Override
    default void set(String node, String attribute, String value) {
        updateNodes(List.of(node), Map.of(attribute, new AttributeInput.Value(value)));
    }

    /**
     * Waits until this member's copy holds every change the collective committed before the
     * call ({@code ?consistent=true}): ZooKeeper {@code sync}, then the resulting changes applied.
     * UNAVAILABLE {@code no quorum} without a quorum.
     */
    void awaitCurrent();

    /**
     * Whether the node's {@code crypted.*} attribute (its own or inherited) holds a hash of
     * {@code clear}; false when it is unset, not a crypted attribute, or the node is unknown.
     */
    boolean matchesCrypted(String node, String attribute, String clear);

    /**
     * The stored hash of the node's {@code crypted.*} attribute (its own or inherited): the crypt
     * hash, or with {@code grub} its GRUB PBKDF2 form; empty when unset or not a crypted attribute.
     * Only for handing a node's own hashes to its installer, as the original does.
     */
    Optional<String> cryptedHash(String node, String attribute, boolean grub);

    /**
     * A counter that moves whenever a node or group of this member's copy changes: services keep
     * indexes over the copy (deployment's MAC index) and rebuild them only when it moved.
     */
    long changeCount();

    /** All nodes, naturally sorted. */
    List<String> nodes();

    /** All groups, naturally sorted. */
    List<String> groups();

    /** {@link #groupExists}, asking the collective before answering no. */
    boolean groupExistsForChange(String group);

    boolean groupExists(String group);

    /** A node's attributes, by name. Unknown node: NOT_FOUND. */
    SortedMap<String, AttributeView> nodeAttributes(String node, AttributeSelection selection);

    /**
     * A node's attributes, or empty when the node does not exist: a reader going through many
     * nodes one by one skips a node removed after its noderange was expanded.
     */
    Optional<SortedMap<String, AttributeView>> findNodeAttributes(String node, AttributeSelection selection);

    /**
     * Refuses a selection naming an unknown attribute (BAD_REQUEST), as a read with it would:
     * lets a reader refuse it before it starts answering.
     */
    void checkSelection(AttributeSelection selection);

    /** A group's attributes, by name, including {@code nodes} (its static members). */
    SortedMap<String, AttributeView> groupAttributes(String group, AttributeSelection selection);

    /** Evaluates an expression for each node without storing anything. */
    Map<String, Evaluation> evaluate(List<String> nodes, String expression);

    /**
     * Defines new nodes (all or none).
     *
     * @param noderange names spelled as a noderange ({@code r1u[01-42]}), checked against no database
     * @return the created nodes, naturally sorted, and a warning for each named like a group (which
     *         the node now hides in noderanges, noderange.md)
     */
    Defined defineNodes(String noderange, Map<String, AttributeInput> attributes);

    /**
     * Defines one node named literally, not as a noderange ({@code POST /nodes/}): {@code n1-n2}
     * is that name, not a range.
     */
    Defined defineNode(String name, Map<String, AttributeInput> attributes);

    /**
     * Changes attributes of existing nodes (all or none).
     *
     * @return warnings per node (e.g. clearing a value that is only inherited)
     */
    Map<String, List<String>> updateNodes(List<String> nodes, Map<String, AttributeInput> changes);

    /**
     * Compare-and-set per node: changes those of {@code nodes} whose values of the attributes in
     * {@code expected} (as {@link #values} gives them; {@code null} for unset, which an empty value
     * also counts as) still are those
     * when the write commits; a write retried after a concurrent change checks again. For a
     * service's own bookkeeping: a one-time key handed out once, a node moved from the manager
     * it had. Warnings are not reported. The only write that may set {@code deployment.lock}
     * (which the attribute API refuses: it is changed through the deployment lock resource).
     *
     * @return the nodes changed, in the order given
     */
    List<String> updateNodesIf(List<String> nodes, Map<String, String> expected, Map<String, AttributeInput> changes);

    /** {@link #updateNodesIf} for one node: whether it was changed. */
    default boolean updateNodeIf(String node, Map<String, String> expected, Map<String, AttributeInput> changes) {
        return !updateNodesIf(List.of(node), expected, changes).isEmpty();
    }

    /** Removes nodes and their group memberships. */
    void removeNodes(List<String> nodes);

    /**
     * Renames nodes; {@code newName} may be an expression evaluated per node ({@code {node}-old}).
     *
     * @return new name by old name
     */
    Map<String, String> renameNodes(List<String> nodes, String newName);

    /** @return a warning when a node of that name hides the group in noderanges */
    List<String> defineGroup(String group, Map<String, AttributeInput> attributes);

    /** @return warnings */
    List<String> updateGroup(String group, Map<String, AttributeInput> changes);

    /** Removes a group; its members stay, without it. */
    void removeGroup(String group);

    /** @return a warning when a node of the new name hides the group in noderanges */
    List<String> renameGroup(String group, String newName);
}
