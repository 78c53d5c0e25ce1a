package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.attributes.Glob;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.expressions.ExpressionException;
import org.confluentcollective.server.expressions.Expressions;
import org.confluentcollective.server.expressions.SubmittedText;
import org.confluentcollective.server.secrets.CryptedHash;
import org.confluentcollective.server.secrets.SecretCipher;

/**
 * Attribute changes of one request, checked once (names, values, expressions, hashes) and
 * then applied to each target's record. Applying never fails for reasons of input, so a
 * request is either refused before anything is written or written for every target.
 */
final class ChangeSet {

    static final String GROUPS = "groups";
    static final String NODES = "nodes";

    /** One checked change. */
    sealed interface Change {
    }

    /** Set a value, expression or hash that is the same for every target. */
    record Store(String name, StoredValue value) implements Change {
    }

    /** Set a secret; it is sealed per target (fresh IV each time). */
    record Seal(String name, String clearText) implements Change {
    }

    /** Clear an attribute, or every attribute matching a glob. */
    record ClearMatching(String pattern) implements Change {
    }

    record SetGroups(List<String> groups) implements Change {
    }

    record PrependGroups(List<String> groups) implements Change {
    }

    record RemoveGroups(List<String> groups) implements Change {
    }

    /** A group's {@code nodes}: handled by the database, which rewrites the members' records. */
    record Membership(AttributeInput input) implements Change {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_*][A-Za-z0-9_.*-]*");

    private final List<Change> changes;
    /** Groups a node's {@code groups} names that do not exist yet: created with the change. */
    private final List<String> newGroups;

    private ChangeSet(List<Change> changes, List<String> newGroups) {
        this.changes = List.copyOf(changes);
        this.newGroups = List.copyOf(newGroups);
    }

    /**
     * The groups named in {@code groups} (set or prepended) that did not exist when the change was
     * checked: as the original's inventory does, naming a group in a node's list creates it, empty.
     */
    List<String> newGroups() {
        return newGroups;
    }

    List<Change> changes() {
        return changes;
    }

    Optional<Membership> membership() {
        return changes.stream().filter(Membership.class::isInstance).map(Membership.class::cast).findFirst();
    }

    /** Whether this request sets something other than membership. */
    boolean setsAttributes() {
        return changes.stream().anyMatch(c -> !(c instanceof Membership));
    }

    /** The stored attribute names this request sets (not clears). */
    List<String> setNames() {
        List<String> names = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Store s) {
                names.add(s.name());
            } else if (change instanceof Seal s) {
                names.add(s.name());
            }
        }
        return names;
    }

    /** Where the changes go: node and group attributes differ in a few names. */
    enum Target { NODE, GROUP }

    /**
     * Checks a request's changes; throws BAD_REQUEST naming the first problem.
     *
     * @param serviceWrite a service's own bookkeeping ({@link ZkNodeDatabase#updateNodesIf}), not a
     *                     user's attribute change: only it may set {@code deployment.lock}, which
     *                     users change through the deployment lock resource
     */
    static ChangeSet prepare(Map<String, AttributeInput> input, Target target, AttributeCatalog catalog,
                             Expressions expressions, CryptedHash crypted, MemoryTree tree, boolean serviceWrite) {
        List<Change> changes = new ArrayList<>();
        LinkedHashSet<String> newGroups = new LinkedHashSet<>();
        for (Map.Entry<String, AttributeInput> entry : input.entrySet()) {
            String name = catalog.resolveAlias(entry.getKey());
            AttributeInput value = entry.getValue();
            if (value == null) {
                value = new AttributeInput.Clear();
            }
            if (!NAME.matcher(name).matches()) {
                throw RequestException.badRequest("'" + entry.getKey() + "' is not a valid attribute name");
            }
            if (value instanceof AttributeInput.Clear) {
                checkClearable(name, target, catalog);
                changes.add(new ClearMatching(name));
                continue;
            }
            if (name.contains("*")) {
                throw RequestException.badRequest("the pattern " + name + " can only be used to clear attributes");
            }
            if (name.equals(GROUPS)) {
                if (target == Target.GROUP) {
                    throw RequestException.badRequest("groups cannot be set on a group; set its nodes instead");
                }
                changes.add(groupsChange(value, tree, newGroups));
            } else if (name.equals(NODES)) {
                if (target == Target.NODE) {
                    throw RequestException.badRequest("nodes attribute is invalid for a node; set its groups instead");
                }
                changes.add(new Membership(value));
            } else if (name.equals(TreeUniverse.DYNAMIC_GROUP_ATTRIBUTE) && target == Target.GROUP) {
                changes.add(new Store(name, StoredValue.ofValue(plainText(name, value))));
            } else {
                changes.add(attributeChange(name, value, catalog, expressions, crypted, serviceWrite));
            }
        }
        return new ChangeSet(changes, List.copyOf(newGroups));
    }

    private static void checkClearable(String name, Target target, AttributeCatalog catalog) {
        if (name.contains("*") || name.equals(GROUPS) || catalog.isValidName(name)
                || (target == Target.GROUP && (name.equals(NODES) || name.equals(TreeUniverse.DYNAMIC_GROUP_ATTRIBUTE)))) {
            return;
        }
        throw RequestException.unknownAttribute(name, catalog.closestNames(name));
    }

    private static Change attributeChange(String name, AttributeInput value, AttributeCatalog catalog,
                                          Expressions expressions, CryptedHash crypted, boolean serviceWrite) {
        if (!catalog.isValidName(name)) {
            throw RequestException.unknownAttribute(name, catalog.closestNames(name));
        }
        if (name.equals("deployment.lock") && !serviceWrite) {
            throw RequestException.badRequest("deployment.lock cannot be set as an attribute; use the deployment lock resource");
        }
        boolean concealed = catalog.isSecret(name) || catalog.isCrypted(name);
        if (concealed && value instanceof AttributeInput.Expression) {
            throw RequestException.badRequest(name + " is a secret and cannot be an expression");
        }
        if (value instanceof AttributeInput.Expression e) {
            checkExpression(name, e.template(), expressions);
            return new Store(name, StoredValue.ofExpression(e.template()));
        }
        String text = plainText(name, value);
        if (catalog.isSecret(name)) {
            return new Seal(name, text);
        }
        if (catalog.isCrypted(name)) {
            CryptedHash.HashedValue hashed = crypted.hash(text);
            return new Store(name, StoredValue.ofHash(hashed.hashValue(), hashed.grubHashValue()));
        }
        if (value instanceof AttributeInput.Text t) {
            SubmittedText submitted;
            try {
                submitted = expressions.classify(t.text());
            } catch (ExpressionException ex) {
                throw RequestException.badRequest("bad expression for " + name + ": " + ex.getMessage());
            }
            if (submitted.expression()) {
                return new Store(name, StoredValue.ofExpression(submitted.text()));
            }
            text = submitted.text();
        }
        Optional<String> problem = catalog.checkValue(name, text);
        if (problem.isPresent()) {
            throw RequestException.badRequest("invalid value for " + name + ": " + problem.get());
        }
        return new Store(name, StoredValue.ofValue(text));
    }

    private static void checkExpression(String name, String template, Expressions expressions) {
        try {
            expressions.check(template);
        } catch (ExpressionException ex) {
            throw RequestException.badRequest("bad expression for " + name + ": " + ex.getMessage());
        }
    }

    private static String plainText(String name, AttributeInput value) {
        if (value instanceof AttributeInput.Text t) {
            return t.text();
        }
        if (value instanceof AttributeInput.Value v) {
            return v.value();
        }
        throw RequestException.badRequest(name + " takes a single value, not " + describe(value));
    }

    private static Change groupsChange(AttributeInput value, MemoryTree tree, Set<String> newGroups) {
        if (value instanceof AttributeInput.Prepend p) {
            return new PrependGroups(checkedGroups(splitList(p.items()), tree, newGroups));
        }
        if (value instanceof AttributeInput.Remove r) {
            return new RemoveGroups(splitList(r.items()));
        }
        List<String> groups;
        if (value instanceof AttributeInput.Items items) {
            groups = items.items();
        } else {
            groups = splitList(plainText(GROUPS, value));
        }
        return new SetGroups(checkedGroups(groups, tree, newGroups));
    }

    /** The groups of a list, each once; those that do not exist yet go to {@code newGroups}. */
    private static List<String> checkedGroups(List<String> groups, MemoryTree tree, Set<String> newGroups) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String group : groups) {
            if (!tree.hasGroup(group)) {
                ZkNodeDatabase.checkEntityName("group", group);
                newGroups.add(group);
            }
            if (!unique.add(group)) {
                throw RequestException.badRequest("group " + group + " is listed twice");
            }
        }
        return List.copyOf(unique);
    }

    static List<String> splitList(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }

    private static String describe(AttributeInput value) {
        if (value instanceof AttributeInput.Items) {
            return "a list";
        }
        if (value instanceof AttributeInput.Prepend) {
            return "a prepend";
        }
        if (value instanceof AttributeInput.Remove) {
            return "a remove";
        }
        return "an expression";
    }

    /**
     * Applies the attribute changes to one record's attributes and returns the new map.
     *
     * @param inherited how a cleared name would resolve without the own value (for warnings);
     *                  null for groups
     */
    Map<String, StoredValue> applyAttributes(Map<String, StoredValue> current, SecretCipher cipher,
                                             Function<String, Optional<String>> inherited,
                                             List<String> warnings) {
        Map<String, StoredValue> attributes = new HashMap<>(current);
        for (Change change : changes) {
            if (change instanceof Store s) {
                attributes.put(s.name(), s.value());
            } else if (change instanceof Seal s) {
                attributes.put(s.name(), StoredValue.ofSealed(cipher.encrypt(s.clearText(), s.name())));
            } else if (change instanceof ClearMatching c) {
                clear(attributes, c.pattern(), inherited, warnings);
            }
        }
        return attributes;
    }

    /** Applies group-list changes to a node's ordered group list. */
    List<String> applyGroups(List<String> current, MemoryTree tree) {
        List<String> groups = new ArrayList<>(current);
        boolean touched = false;
        for (Change change : changes) {
            if (change instanceof SetGroups s) {
                groups = new ArrayList<>(s.groups());
                touched = true;
            } else if (change instanceof PrependGroups p) {
                groups.removeAll(p.groups());
                groups.addAll(0, p.groups());
                touched = true;
            } else if (change instanceof RemoveGroups r) {
                groups.removeAll(r.groups());
            } else if (change instanceof ClearMatching c && c.pattern().equals(GROUPS)) {
                groups.clear();
                touched = true;
            }
        }
        if (touched) {
            appendEverything(groups, tree);
        }
        return List.copyOf(groups);
    }

    /** Every node is in {@code everything}, last, whenever its groups are written (if it exists). */
    static void appendEverything(List<String> groups, MemoryTree tree) {
        if (tree.hasGroup(ZkNodeDatabase.EVERYTHING) && !groups.contains(ZkNodeDatabase.EVERYTHING)) {
            groups.add(ZkNodeDatabase.EVERYTHING);
        }
    }

    private static void clear(Map<String, StoredValue> attributes, String pattern,
                              Function<String, Optional<String>> inherited, List<String> warnings) {
        if (pattern.equals(GROUPS) || pattern.equals(NODES)) {
            return;
        }
        if (pattern.contains("*")) {
            Glob glob = Glob.compile(pattern);
            boolean any = attributes.keySet().removeIf(glob::matches);
            if (!any) {
                warnings.add("no attribute matching " + pattern + " is set here");
            }
            return;
        }
        boolean removed = attributes.remove(pattern) != null;
        Optional<String> group = inherited == null ? Optional.empty() : inherited.apply(pattern);
        if (removed && group.isPresent()) {
            warnings.add(pattern + " is now inherited from group " + group.get());
        } else if (!removed && group.isPresent()) {
            warnings.add(pattern + " is inherited from group " + group.get()
                    + " and cannot be cleared here; set it to an empty value to mask it");
        } else if (!removed) {
            warnings.add(pattern + " is not set");
        }
    }
}
