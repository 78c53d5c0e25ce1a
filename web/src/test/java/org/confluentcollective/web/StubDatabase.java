package org.confluentcollective.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.confluentcollective.server.api.Defined;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.api.Role;
import org.confluentcollective.server.api.UserDirectory;
import org.confluentcollective.server.api.UserInfo;

/**
 * A test double for the web layer alone: two fixed nodes, records what the API passed on.
 * Everything the HTTP layer must not reach (writes after a refused request) is recorded too.
 */
final class StubDatabase implements NodeDatabase, UserDirectory {

    @Override
    public void awaitCurrent() {
        calls.add("awaitCurrent");
    }


    final List<String> calls = new ArrayList<>();
    /** The nodes every noderange expands to. */
    volatile List<String> nodes = List.of("n1", "n2");
    /** Runs before a many-node answer reads a node's attributes. */
    volatile Consumer<String> beforeRead = node -> { };

    @Override
    public Optional<String> cryptedHash(String node, String attribute, boolean grub) {
        return Optional.empty();
    }

    @Override
    public boolean matchesCrypted(String node, String attribute, String clear) {
        return false;
    }

    @Override
    public long changeCount() {
        return 0;
    }

    @Override
    public List<String> nodes() {
        return nodes;
    }

    @Override
    public List<String> groups() {
        return List.of("everything");
    }

    @Override
    public List<String> expand(String noderange) {
        calls.add("expand " + noderange);
        if (noderange.endsWith("-")) {
            throw new NodeRangeException(noderange, noderange.length(), "range has no end");
        }
        return nodes();
    }

    @Override
    public List<String> expandForChange(String noderange) {
        return expand(noderange);
    }

    @Override
    public boolean nodeExists(String node) {
        return nodes().contains(node);
    }

    @Override
    public boolean nodeExistsForChange(String node) {
        return nodeExists(node);
    }

    @Override
    public boolean groupExistsForChange(String group) {
        return groupExists(group);
    }

    @Override
    public boolean groupExists(String group) {
        return group.equals("everything");
    }

    @Override
    public SortedMap<String, AttributeView> nodeAttributes(String node, AttributeSelection selection) {
        if (!nodeExists(node)) {
            throw RequestException.notFound("no such node: " + node);
        }
        SortedMap<String, AttributeView> views = new TreeMap<>();
        views.put("location.rack", AttributeView.ofValue("7", null, null));
        views.put("groups", AttributeView.ofItems(List.of("everything")));
        return views;
    }

    @Override
    public Optional<SortedMap<String, AttributeView>> findNodeAttributes(String node, AttributeSelection selection) {
        beforeRead.accept(node);
        return nodeExists(node) ? Optional.of(nodeAttributes(node, selection)) : Optional.empty();
    }

    @Override
    public void checkSelection(AttributeSelection selection) {
        // every selection is acceptable to the stub
    }

    @Override
    public SortedMap<String, AttributeView> groupAttributes(String group, AttributeSelection selection) {
        return new TreeMap<>(Map.of("nodes", AttributeView.ofItems(nodes())));
    }

    @Override
    public Map<String, Evaluation> evaluate(List<String> nodes, String expression) {
        return Map.of();
    }

    @Override
    public Map<String, String> values(String node, java.util.Collection<String> attributes) {
        return Map.of();
    }

    @Override
    public Defined defineNodes(String noderange, Map<String, AttributeInput> attributes) {
        calls.add("define " + noderange + " " + attributes);
        return new Defined(List.of(noderange), List.of());
    }

    @Override
    public Defined defineNode(String name, Map<String, AttributeInput> attributes) {
        calls.add("define node " + name + " " + attributes);
        return new Defined(List.of(name), List.of());
    }

    @Override
    public Map<String, List<String>> updateNodes(List<String> nodes, Map<String, AttributeInput> changes) {
        calls.add("update " + nodes + " " + changes);
        return Map.of();
    }

    @Override
    public List<String> updateNodesIf(List<String> nodes, Map<String, String> expected,
                                      Map<String, AttributeInput> changes) {
        calls.add("update " + nodes + " if " + expected + " " + changes);
        return nodes;
    }

    @Override
    public void removeNodes(List<String> nodes) {
        calls.add("remove " + nodes);
    }

    @Override
    public Map<String, String> renameNodes(List<String> nodes, String newName) {
        return Map.of();
    }

    @Override
    public List<String> defineGroup(String group, Map<String, AttributeInput> attributes) {
        calls.add("define group " + group);
        return List.of();
    }

    @Override
    public List<String> updateGroup(String group, Map<String, AttributeInput> changes) {
        return List.of();
    }

    @Override
    public void removeGroup(String group) {
    }

    @Override
    public List<String> renameGroup(String group, String newName) {
        return List.of();
    }

    @Override
    public List<UserInfo> users() {
        return List.of(new UserInfo("admin", Role.ADMIN), new UserInfo("watcher", Role.MONITOR));
    }

    @Override
    public Optional<UserInfo> user(String name) {
        return users().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    @Override
    public void addUser(String name, Role role, char[] password) {
        calls.add("add user " + name);
    }

    @Override
    public void updateUser(String name, Role role, char[] password) {
    }

    @Override
    public void removeUser(String name) {
    }

    /** Every user's password is "secret". */
    @Override
    public Optional<UserInfo> authenticate(String name, char[] password) {
        return String.valueOf(password).equals("secret") ? user(name) : Optional.empty();
    }
}
