package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.confluentcollective.server.api.Defined;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.server.expressions.ExpressionException;
import org.confluentcollective.server.expressions.Expressions;
import org.confluentcollective.server.expressions.SubmittedText;
import org.confluentcollective.server.noderange.NaturalOrder;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.server.noderange.UnknownNameException;
import org.confluentcollective.server.secrets.CryptedHash;
import org.confluentcollective.server.secrets.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node database on ZooKeeper: reads from the memory tree, writes as optimistic
 * transactions in {@code multi} batches (design.md §4).
 */
final class ZkNodeDatabase implements NodeDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(ZkNodeDatabase.class);

    static final String EVERYTHING = "everything";
    static final String ID_INDEX = "id.index";

    private static final Pattern ENTITY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final NaturalOrder NATURAL = new NaturalOrder();

    private final MemoryTree tree;
    private final ZnodeLayout layout;
    private final Transactions transactions;
    private final IdCounter ids;
    private final AttributeCatalog catalog;
    private final NodeRanges noderanges;
    private final Expressions expressions;
    private final SecretCipher cipher;
    private final CryptedHash crypted;
    private final Inheritance inheritance;
    private final TreeUniverse universe;
    private final Runnable catchUp;
    /** Readers ask for the same few selections node after node; check each once. */
    private final Map<AttributeSelection, NameFilter> filters = new ConcurrentHashMap<>();

    ZkNodeDatabase(MemoryTree tree, ZnodeLayout layout, Transactions transactions, IdCounter ids,
                   AttributeCatalog catalog, SecretCipher cipher, CryptedHash crypted, Runnable catchUp) {
        this.catchUp = catchUp;
        this.tree = tree;
        this.layout = layout;
        this.transactions = transactions;
        this.ids = ids;
        this.catalog = catalog;
        this.noderanges = new NodeRanges(catalog);
        this.expressions = new Expressions(catalog);
        this.cipher = cipher;
        this.crypted = crypted;
        this.inheritance = new Inheritance(tree);
        this.universe = new TreeUniverse(tree, inheritance, expressions);
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public void awaitCurrent() {
        catchUp.run();
    }

    @Override
    public boolean matchesCrypted(String node, String attribute, String clear) {
        if (!catalog.isCrypted(attribute)) {
            return false;
        }
        return tree.node(node).flatMap(held -> inheritance.resolve(held.record(), attribute))
                .map(resolved -> resolved.stored().hashvalue())
                .map(hash -> crypted.verifySha512Crypt(clear, hash))
                .orElse(false);
    }

    @Override
    public Optional<String> cryptedHash(String node, String attribute, boolean grub) {
        if (!catalog.isCrypted(attribute)) {
            return Optional.empty();
        }
        return tree.node(node).flatMap(held -> inheritance.resolve(held.record(), attribute))
                .map(resolved -> grub ? resolved.stored().grubhashvalue() : resolved.stored().hashvalue());
    }

    @Override
    public long changeCount() {
        return tree.nodeChanges();
    }

    @Override
    public List<String> nodes() {
        return tree.sortedNodes();
    }

    @Override
    public List<String> groups() {
        return tree.sortedGroups();
    }

    @Override
    public List<String> expand(String noderange) {
        return noderanges.expand(noderange, universe);
    }

    @Override
    public boolean nodeExists(String node) {
        return tree.hasNode(node);
    }

    @Override
    public boolean groupExists(String group) {
        return tree.hasGroup(group);
    }

    @Override
    public List<String> expandForChange(String noderange) {
        try {
            return expand(noderange);
        } catch (UnknownNameException notHeld) {
            awaitCurrent();
            return expand(noderange);
        }
    }

    @Override
    public boolean nodeExistsForChange(String node) {
        if (tree.hasNode(node)) {
            return true;
        }
        awaitCurrent();
        return tree.hasNode(node);
    }

    @Override
    public boolean groupExistsForChange(String group) {
        if (tree.hasGroup(group)) {
            return true;
        }
        awaitCurrent();
        return tree.hasGroup(group);
    }

    @Override
    public SortedMap<String, AttributeView> nodeAttributes(String node, AttributeSelection selection) {
        return views(node, nodeRecord(node), selection);
    }

    @Override
    public Optional<SortedMap<String, AttributeView>> findNodeAttributes(String node, AttributeSelection selection) {
        return tree.node(node).map(held -> views(node, held.record(), selection));
    }

    @Override
    public void checkSelection(AttributeSelection selection) {
        filterFor(selection);
    }

    private SortedMap<String, AttributeView> views(String node, NodeRecord record, AttributeSelection selection) {
        NameFilter wanted = filterFor(selection);
        SortedMap<String, AttributeView> views = new TreeMap<>();
        if (wanted.test(ChangeSet.GROUPS)) {
            views.put(ChangeSet.GROUPS, AttributeView.ofItems(record.groups()));
        }
        if (wanted.isExact()) {
            // The common case (a few named attributes over many nodes) avoids resolving every
            // inherited attribute of every node.
            for (String name : wanted.exact()) {
                inheritance.resolve(record, name).ifPresent(resolved -> views.put(name, view(node, resolved)));
            }
        } else {
            inheritance.resolveAll(record).forEach((name, resolved) -> {
                if (wanted.test(name)) {
                    views.put(name, view(node, resolved));
                }
            });
        }
        addUnset(views, selection, wanted);
        return views;
    }

    @Override
    public SortedMap<String, AttributeView> groupAttributes(String group, AttributeSelection selection) {
        GroupRecord record = groupRecord(group);
        NameFilter wanted = filterFor(selection);
        SortedMap<String, AttributeView> views = new TreeMap<>();
        if (wanted.test(ChangeSet.NODES)) {
            List<String> members = new ArrayList<>(tree.members(group));
            members.sort(NATURAL);
            views.put(ChangeSet.NODES, AttributeView.ofItems(members));
        }
        record.attributes().forEach((name, stored) -> {
            if (wanted.test(name)) {
                views.put(name, stored.isConcealed() ? AttributeView.ofSecret(true, null)
                        : AttributeView.ofValue(stored.value(), stored.expression(), null));
            }
        });
        addUnset(views, selection, wanted);
        return views;
    }

    @Override
    public Map<String, Evaluation> evaluate(List<String> nodes, String expression) {
        try {
            expressions.check(expression);
        } catch (ExpressionException e) {
            throw RequestException.badRequest("bad expression: " + e.getMessage());
        }
        Map<String, Evaluation> results = new LinkedHashMap<>();
        for (String node : nodes) {
            nodeRecord(node);
            results.put(node, expressions.evaluate(node, expression, universe));
        }
        return results;
    }

    @Override
    public Map<String, String> values(String node, Collection<String> attributes) {
        NodeRecord record = nodeRecord(node);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : attributes) {
            inheritance.resolve(record, name).ifPresent(resolved -> effectiveValue(node, name, resolved.stored())
                    .ifPresent(value -> values.put(name, value)));
        }
        return values;
    }

    /** The value a service acts on: evaluated, or opened for a secret; hashes and broken expressions have none. */
    private Optional<String> effectiveValue(String node, String name, StoredValue stored) {
        if (stored.cryptvalue() != null) {
            try {
                return Optional.of(cipher.decrypt(stored.cryptvalue(), name));
            } catch (RuntimeException e) {
                LOG.warn("node {}: the secret {} cannot be opened: {}", node, name, e.getMessage());
                return Optional.empty();
            }
        }
        if (stored.hashvalue() != null) {
            return Optional.empty();
        }
        if (stored.isExpression()) {
            Evaluation evaluation = expressions.evaluate(node, stored.expression(), universe);
            return evaluation.isBroken() ? Optional.empty() : Optional.of(evaluation.value());
        }
        return Optional.ofNullable(stored.value());
    }

    private AttributeView view(String node, Inheritance.Resolved resolved) {
        StoredValue stored = resolved.stored();
        if (stored.isConcealed()) {
            return AttributeView.ofSecret(true, resolved.inheritedFrom());
        }
        if (stored.isExpression()) {
            Evaluation evaluation = expressions.evaluate(node, stored.expression(), universe);
            return evaluation.isBroken()
                    ? AttributeView.ofBroken(stored.expression(), evaluation.broken(), resolved.inheritedFrom())
                    : AttributeView.ofValue(evaluation.value(), stored.expression(), resolved.inheritedFrom());
        }
        return AttributeView.ofValue(stored.value(), null, resolved.inheritedFrom());
    }

    private NameFilter filterFor(AttributeSelection selection) {
        NameFilter filter = filters.get(selection);
        if (filter == null) {
            filter = NameFilter.of(selection, catalog);
            if (filters.size() > 256) {
                filters.clear();
            }
            filters.put(selection, filter);
        }
        return filter;
    }

    private void addUnset(SortedMap<String, AttributeView> views, AttributeSelection selection, NameFilter wanted) {
        if (!selection.includeUnset()) {
            return;
        }
        if (!wanted.isExact()) {
            for (String name : catalog.names()) {
                if (wanted.test(name)) {
                    views.putIfAbsent(name, AttributeView.unset());
                }
            }
        }
        wanted.exact().forEach(name -> views.putIfAbsent(name, AttributeView.unset()));
    }

    // ---- node writes ---------------------------------------------------------------------------

    @Override
    public Defined defineNodes(String noderange, Map<String, AttributeInput> attributes) {
        List<String> names = noderanges.expandNames(noderange);
        if (names.isEmpty()) {
            throw RequestException.badRequest("the noderange " + noderange + " names no nodes");
        }
        return define(names, attributes);
    }

    @Override
    public Defined defineNode(String name, Map<String, AttributeInput> attributes) {
        return define(List.of(name), attributes);
    }

    private Defined define(List<String> names, Map<String, AttributeInput> attributes) {
        names.forEach(name -> checkEntityName("node", name));
        ChangeSet changes = ChangeSet.prepare(attributes, ChangeSet.Target.NODE, catalog, expressions, crypted, tree, false);
        for (String name : names) {
            if (tree.hasNode(name)) {
                throw RequestException.conflict("node " + name + " already exists");
            }
        }
        boolean explicitIndex = changes.setNames().contains(ID_INDEX);
        // Every new record is alike but for its name and id.index: one sample is checked against
        // the record limit (before an index is reserved) and sizes the batches.
        Map<String, StoredValue> sampleAttributes = changes.applyAttributes(Map.of(), cipher, null, new ArrayList<>());
        sampleAttributes.putIfAbsent(ID_INDEX, StoredValue.ofValue(Long.toString(Long.MAX_VALUE)));
        List<String> sampleGroups = new ArrayList<>(changes.applyGroups(List.of(), tree));
        ChangeSet.appendEverything(sampleGroups, tree);
        NodeRecord sample = new NodeRecord(sampleGroups, sampleAttributes);
        transactions.check(List.of(new ZkWriter.Create(layout.nodePath(names.get(0)), sample)));
        int recordBytes = 64 + RecordSizes.estimate(sample);
        long firstIndex = explicitIndex ? 0 : ids.reserve(names.size());
        Map<String, Long> indexes = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            indexes.put(names.get(i), firstIndex + i);
        }
        List<Supplier<List<ZkWriter.Write>>> plans = new ArrayList<>();
        for (List<String> batch : MultiBatches.of(names, name -> recordBytes)) {
            plans.add(() -> {
                List<ZkWriter.Write> writes = new ArrayList<>();
                for (String name : batch) {
                    if (tree.hasNode(name)) {
                        throw RequestException.conflict("node " + name + " already exists");
                    }
                    List<String> warnings = new ArrayList<>();
                    Map<String, StoredValue> attrs = changes.applyAttributes(Map.of(), cipher, null, warnings);
                    if (!explicitIndex) {
                        attrs.put(ID_INDEX, StoredValue.ofValue(Long.toString(indexes.get(name))));
                    }
                    List<String> groups = new ArrayList<>(changes.applyGroups(List.of(), tree));
                    ChangeSet.appendEverything(groups, tree);
                    NodeRecord record = new NodeRecord(groups, attrs);
                    writes.add(new ZkWriter.Create(layout.nodePath(name), record));
                }
                return writes;
            });
        }
        runCreatingGroups(plans, changes);
        List<String> warnings = new ArrayList<>();
        for (String name : names) {
            if (tree.hasGroup(name)) {
                warnings.add("node " + name + " has the name of group " + name + ": in a noderange '" + name
                        + "' now means the node only, and no longer the group's members");
            }
        }
        return new Defined(names, warnings);
    }

    /** A node and a group may share a name (the node wins in noderanges), but the caller is told. */
    private List<String> hiddenGroup(String group) {
        if (!tree.hasNode(group)) {
            return List.of();
        }
        return List.of("group " + group + " has the name of node " + group + ": in a noderange '" + group
                + "' means the node only, so the group's members cannot be named through it");
    }

    @Override
    public Map<String, List<String>> updateNodes(List<String> nodes, Map<String, AttributeInput> changes) {
        nodes.forEach(this::nodeRecord);
        ChangeSet changeSet = ChangeSet.prepare(changes, ChangeSet.Target.NODE, catalog, expressions, crypted, tree, false);
        Map<String, List<String>> warnings = new ConcurrentHashMap<>();
        rewriteNodes(nodes, (node, record) -> {
            List<String> nodeWarnings = new ArrayList<>();
            Function<String, Optional<String>> inheritedFrom = name -> inheritance
                    .resolve(record.withAttributes(Map.of()), name).map(Inheritance.Resolved::inheritedFrom);
            NodeRecord updated = new NodeRecord(changeSet.applyGroups(record.groups(), tree),
                    changeSet.applyAttributes(record.attributes(), cipher, inheritedFrom, nodeWarnings));
            if (nodeWarnings.isEmpty()) {
                warnings.remove(node);
            } else {
                warnings.put(node, nodeWarnings);
            }
            return updated;
        }, changeSet);
        return new TreeMap<>(warnings);
    }

    @Override
    public List<String> updateNodesIf(List<String> nodes, Map<String, String> expected,
                                      Map<String, AttributeInput> changes) {
        nodes.forEach(this::nodeRecord);
        ChangeSet changeSet = ChangeSet.prepare(changes, ChangeSet.Target.NODE, catalog, expressions, crypted, tree, true);
        // Set per node by the last application of the rewrite, which is the one whose write committed.
        Map<String, Boolean> matched = new ConcurrentHashMap<>();
        rewriteNodes(nodes, (node, record) -> {
            // An empty value counts as unset on both sides, as services read them.
            boolean still = expected.entrySet().stream().allMatch(attribute -> Objects.equals(
                    Optional.ofNullable(attribute.getValue()).filter(value -> !value.isEmpty()),
                    inheritance.resolve(record, attribute.getKey())
                            .flatMap(resolved -> effectiveValue(node, attribute.getKey(), resolved.stored()))
                            .filter(value -> !value.isEmpty())));
            matched.put(node, still);
            if (!still) {
                return record;
            }
            Function<String, Optional<String>> inheritedFrom = attribute -> inheritance
                    .resolve(record.withAttributes(Map.of()), attribute).map(Inheritance.Resolved::inheritedFrom);
            return new NodeRecord(changeSet.applyGroups(record.groups(), tree),
                    changeSet.applyAttributes(record.attributes(), cipher, inheritedFrom, new ArrayList<>()));
        }, changeSet);
        // A node removed before the plan ran kept the estimate's answer: it was not changed.
        return nodes.stream().filter(node -> matched.getOrDefault(node, false) && tree.hasNode(node)).toList();
    }

    @Override
    public void removeNodes(List<String> nodes) {
        nodes.forEach(this::nodeRecord);
        List<Supplier<List<ZkWriter.Write>>> plans = new ArrayList<>();
        for (List<String> batch : MultiBatches.of(nodes, node -> 64)) {
            plans.add(() -> {
                List<ZkWriter.Write> writes = new ArrayList<>();
                for (String node : batch) {
                    tree.node(node).ifPresent(held ->
                            writes.add(new ZkWriter.Delete(layout.nodePath(node), held.version())));
                }
                return writes;
            });
        }
        transactions.runAll(plans);
    }

    @Override
    public Map<String, String> renameNodes(List<String> nodes, String newName) {
        nodes.forEach(this::nodeRecord);
        Map<String, String> renames = new LinkedHashMap<>();
        SubmittedText submitted = classifyName(newName);
        for (String node : nodes) {
            String target = submitted.text();
            if (submitted.expression()) {
                Evaluation evaluation = expressions.evaluate(node, submitted.text(), universe);
                if (evaluation.isBroken()) {
                    throw RequestException.badRequest("cannot compute a new name for " + node + ": " + evaluation.broken());
                }
                target = evaluation.value();
            }
            checkEntityName("node", target);
            renames.put(node, target);
        }
        Set<String> targets = new HashSet<>(renames.values());
        if (targets.size() != renames.size()) {
            throw RequestException.badRequest("the new names are not unique: " + renames);
        }
        for (String target : targets) {
            if (tree.hasNode(target) && !renames.containsKey(target)) {
                throw RequestException.conflict("node " + target + " already exists");
            }
        }
        List<String> movable = renames.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        List<Supplier<List<ZkWriter.Write>>> plans = new ArrayList<>();
        // Each rename is a delete plus a create, so a node is never missing or doubled.
        for (List<String> batch : MultiBatches.of(movable, node -> 2 * recordSize(node))) {
            plans.add(() -> {
                List<ZkWriter.Write> writes = new ArrayList<>();
                for (String node : batch) {
                    MemoryTree.Versioned<NodeRecord> held = tree.node(node)
                            .orElseThrow(() -> RequestException.notFound("node " + node + " does not exist"));
                    writes.add(new ZkWriter.Delete(layout.nodePath(node), held.version()));
                    writes.add(new ZkWriter.Create(layout.nodePath(renames.get(node)), held.record()));
                }
                return writes;
            });
        }
        transactions.runAll(plans);
        return renames;
    }

    // ---- group writes --------------------------------------------------------------------------

    @Override
    public List<String> defineGroup(String group, Map<String, AttributeInput> attributes) {
        checkEntityName("group", group);
        if (tree.hasGroup(group)) {
            throw RequestException.conflict("group " + group + " already exists");
        }
        ChangeSet changes = ChangeSet.prepare(attributes, ChangeSet.Target.GROUP, catalog, expressions, crypted, tree, false);
        Optional<GroupListChange> membership = changes.membership()
                .map(m -> membershipChange(group, m.input()));
        GroupRecord record = new GroupRecord(changes.applyAttributes(Map.of(), cipher, null, new ArrayList<>()));
        checkDynamic(group, record, changes.membership().isPresent() || !tree.members(group).isEmpty());
        transactions.run(() -> {
            if (tree.hasGroup(group)) {
                throw RequestException.conflict("group " + group + " already exists");
            }
            return List.of(new ZkWriter.Create(layout.groupPath(group), record));
        });
        membership.ifPresent(change -> rewriteMembers(group, change));
        return hiddenGroup(group);
    }

    @Override
    public List<String> updateGroup(String group, Map<String, AttributeInput> changes) {
        groupRecord(group);
        ChangeSet changeSet = ChangeSet.prepare(changes, ChangeSet.Target.GROUP, catalog, expressions, crypted, tree, false);
        Optional<GroupListChange> membership = changeSet.membership()
                .map(m -> membershipChange(group, m.input()));
        List<String> warnings = new ArrayList<>();
        if (changeSet.setsAttributes()) {
            transactions.run(() -> {
                MemoryTree.Versioned<GroupRecord> held = tree.group(group)
                        .orElseThrow(() -> RequestException.notFound("group " + group + " does not exist"));
                warnings.clear();
                GroupRecord updated = new GroupRecord(
                        changeSet.applyAttributes(held.record().attributes(), cipher, null, warnings));
                checkDynamic(group, updated, membership.isPresent() || !tree.members(group).isEmpty());
                return List.of(new ZkWriter.Update(layout.groupPath(group), updated, held.version()));
            });
        } else if (membership.isPresent()) {
            checkDynamic(group, groupRecord(group), true);
        }
        membership.ifPresent(change -> rewriteMembers(group, change));
        return warnings;
    }

    @Override
    public void removeGroup(String group) {
        groupRecord(group);
        transactions.run(() -> tree.group(group)
                .<List<ZkWriter.Write>>map(held -> List.of(new ZkWriter.Delete(layout.groupPath(group), held.version())))
                .orElse(List.of()));
        rewriteMembers(group, (node, groups) -> without(groups, group));
    }

    @Override
    public List<String> renameGroup(String group, String newName) {
        groupRecord(group);
        checkEntityName("group", newName);
        if (tree.hasGroup(newName)) {
            throw RequestException.conflict("group " + newName + " already exists");
        }
        transactions.run(() -> {
            MemoryTree.Versioned<GroupRecord> held = tree.group(group)
                    .orElseThrow(() -> RequestException.notFound("group " + group + " does not exist"));
            if (tree.hasGroup(newName)) {
                throw RequestException.conflict("group " + newName + " already exists");
            }
            return List.of(new ZkWriter.Delete(layout.groupPath(group), held.version()),
                    new ZkWriter.Create(layout.groupPath(newName), held.record()));
        });
        rewriteMembers(group, (node, groups) -> groups.stream().map(g -> g.equals(group) ? newName : g).toList());
        return hiddenGroup(newName);
    }

    /** How a group's {@code nodes} input changes each affected node's group list. */
    private GroupListChange membershipChange(String group, AttributeInput input) {
        if (input instanceof AttributeInput.Prepend prepend) {
            Set<String> targets = new HashSet<>(expand(prepend.items()));
            return new MembershipEdit(group, targets, MembershipEdit.Mode.PREPEND);
        }
        if (input instanceof AttributeInput.Remove remove) {
            Set<String> targets = new HashSet<>(expand(remove.items()));
            return new MembershipEdit(group, targets, MembershipEdit.Mode.REMOVE);
        }
        String noderange;
        if (input instanceof AttributeInput.Items items) {
            noderange = String.join(",", items.items());
        } else if (input instanceof AttributeInput.Text text) {
            noderange = text.text();
        } else if (input instanceof AttributeInput.Value value) {
            noderange = value.value();
        } else if (input instanceof AttributeInput.Clear) {
            noderange = "";
        } else {
            throw RequestException.badRequest("nodes takes a list or a noderange");
        }
        Set<String> targets = noderange.isBlank() ? Set.of() : new HashSet<>(expand(noderange));
        return new MembershipEdit(group, targets, MembershipEdit.Mode.EXACTLY);
    }

    /** Applies a group-list change to every node it affects (members now, or nodes named). */
    private void rewriteMembers(String group, GroupListChange change) {
        Set<String> affected = new HashSet<>(tree.members(group));
        affected.addAll(change.newMembers());
        List<String> nodes = new ArrayList<>(affected);
        rewriteNodes(nodes, (node, record) -> {
            List<String> groups = new ArrayList<>(change.apply(node, record.groups()));
            if (!groups.equals(record.groups())) {
                ChangeSet.appendEverything(groups, tree);
            }
            return record.withGroups(groups);
        });
    }

    /** Plans a rewrite of each node's record, in batches, retrying each batch on conflict. */
    private void rewriteNodes(List<String> nodes, BiFunction<String, NodeRecord, NodeRecord> rewrite) {
        rewriteNodes(nodes, rewrite, null);
    }

    /** The same, creating the groups {@code changes} names that do not exist yet. */
    private void rewriteNodes(List<String> nodes, BiFunction<String, NodeRecord, NodeRecord> rewrite,
                              ChangeSet changes) {
        List<Supplier<List<ZkWriter.Write>>> plans = new ArrayList<>();
        // Sized from the records as they will be: a change that grows them must not outgrow a multi.
        ToIntFunction<String> sizeAfter = node -> tree.node(node)
                .map(held -> RecordSizes.estimate(rewrite.apply(node, held.record()))).orElse(64);
        for (List<String> batch : MultiBatches.of(nodes, sizeAfter)) {
            plans.add(() -> {
                List<ZkWriter.Write> writes = new ArrayList<>();
                for (String node : batch) {
                    Optional<MemoryTree.Versioned<NodeRecord>> held = tree.node(node);
                    if (held.isEmpty()) {
                        continue; // removed meanwhile: nothing left to change
                    }
                    NodeRecord updated = rewrite.apply(node, held.get().record());
                    if (!updated.equals(held.get().record())) {
                        writes.add(new ZkWriter.Update(layout.nodePath(node), updated, held.get().version()));
                    }
                }
                return writes;
            });
        }
        runCreatingGroups(plans, changes);
    }

    /**
     * Runs the batches of a node change that names groups not existing yet ({@code groups=new}),
     * creating them empty: in the same multi as the nodes when the change is one batch (all or
     * nothing), else in a transaction of their own just before the batches (a bulk change is not
     * atomic as a whole anyway, and its nodes must not name a group that is not there).
     */
    private void runCreatingGroups(List<Supplier<List<ZkWriter.Write>>> plans, ChangeSet changes) {
        if (changes == null || changes.newGroups().isEmpty() || plans.isEmpty()) {
            transactions.runAll(plans);
            return;
        }
        Supplier<List<ZkWriter.Write>> creates = () -> {
            List<ZkWriter.Write> writes = new ArrayList<>();
            for (String group : changes.newGroups()) {
                if (!tree.hasGroup(group)) { // created meanwhile by another request: keep it
                    writes.add(new ZkWriter.Create(layout.groupPath(group), new GroupRecord(Map.of())));
                }
            }
            return writes;
        };
        if (plans.size() == 1) {
            Supplier<List<ZkWriter.Write>> nodes = plans.get(0);
            transactions.runAll(List.of(() -> {
                List<ZkWriter.Write> writes = new ArrayList<>(creates.get());
                writes.addAll(nodes.get());
                return writes;
            }));
            return;
        }
        if (!creates.get().isEmpty()) {
            transactions.run(creates);
        }
        transactions.runAll(plans);
    }

    private void checkDynamic(String group, GroupRecord record, boolean hasStaticMembers) {
        StoredValue dynamic = record.attributes().get(TreeUniverse.DYNAMIC_GROUP_ATTRIBUTE);
        if (dynamic == null || dynamic.value() == null || dynamic.value().isBlank()) {
            return;
        }
        if (record.attributes().size() > 1 || hasStaticMembers) {
            throw RequestException.badRequest("group " + group
                    + " has a noderange (a dynamic group): it can hold no other attributes and no static nodes");
        }
        try {
            noderanges.expand(dynamic.value(), universe);
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest("the noderange of group " + group + " is invalid: " + e.getMessage());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private NodeRecord nodeRecord(String node) {
        return tree.node(node).map(MemoryTree.Versioned::record)
                .orElseThrow(() -> RequestException.notFound("node " + node + " does not exist"));
    }

    private GroupRecord groupRecord(String group) {
        return tree.group(group).map(MemoryTree.Versioned::record)
                .orElseThrow(() -> RequestException.notFound("group " + group + " does not exist"));
    }

    static void checkEntityName(String kind, String name) {
        if (name == null || !ENTITY_NAME.matcher(name).matches()) {
            throw RequestException.badRequest("invalid " + kind + " name '" + name
                    + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    private SubmittedText classifyName(String newName) {
        try {
            return expressions.classify(newName);
        } catch (ExpressionException e) {
            throw RequestException.badRequest("bad new name: " + e.getMessage());
        }
    }

    private int recordSize(String node) {
        return tree.node(node).map(held -> RecordSizes.estimate(held.record())).orElse(64);
    }

    private static List<String> without(List<String> groups, String group) {
        List<String> remaining = new ArrayList<>(groups);
        remaining.remove(group);
        return remaining;
    }
}
