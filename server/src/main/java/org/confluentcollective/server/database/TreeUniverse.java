package org.confluentcollective.server.database;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.server.expressions.ExpressionContext;
import org.confluentcollective.server.expressions.Expressions;
import org.confluentcollective.server.noderange.NodeUniverse;

/**
 * The memory tree seen by the noderange evaluator and the expression evaluator: effective
 * attributes with inheritance applied. Secrets and hashes are invisible here, so neither a
 * selector nor an expression can reveal them.
 */
final class TreeUniverse implements NodeUniverse, ExpressionContext {

    static final String DYNAMIC_GROUP_ATTRIBUTE = "noderange";

    private final MemoryTree tree;
    private final Inheritance inheritance;
    private final Expressions expressions;

    TreeUniverse(MemoryTree tree, Inheritance inheritance, Expressions expressions) {
        this.tree = tree;
        this.inheritance = inheritance;
        this.expressions = expressions;
    }

    @Override
    public Collection<String> nodes() {
        return tree.sortedNodes();
    }

    @Override
    public boolean isNode(String name) {
        return tree.hasNode(name);
    }

    @Override
    public boolean isGroup(String name) {
        return tree.hasGroup(name);
    }

    @Override
    public Set<String> staticMembers(String group) {
        return tree.members(group);
    }

    @Override
    public Optional<String> dynamicNoderange(String group) {
        return tree.group(group)
                .map(g -> g.record().attributes().get(DYNAMIC_GROUP_ATTRIBUTE))
                .map(StoredValue::value);
    }

    @Override
    public Map<String, String> effectiveValues(String node) {
        Optional<MemoryTree.Versioned<NodeRecord>> record = tree.node(node);
        if (record.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        inheritance.resolveAll(record.get().record()).forEach((name, resolved) ->
                text(node, resolved.stored()).ifPresent(text -> values.put(name, text)));
        return values;
    }

    @Override
    public Optional<String> effectiveValue(String node, String attribute) {
        return tree.node(node).flatMap(record -> inheritance.resolve(record.record(), attribute))
                .flatMap(resolved -> text(node, resolved.stored()));
    }

    /** A stored value as selectors see it: evaluated; absent when secret, hashed or broken. */
    private Optional<String> text(String node, StoredValue stored) {
        if (stored.isConcealed()) {
            return Optional.empty();
        }
        if (!stored.isExpression()) {
            return Optional.of(stored.value());
        }
        Evaluation evaluation = expressions.evaluate(node, stored.expression(), this);
        return evaluation.isBroken() ? Optional.empty() : Optional.of(evaluation.value());
    }

    @Override
    public Optional<StoredAttribute> attribute(String node, String name) {
        Optional<MemoryTree.Versioned<NodeRecord>> record = tree.node(node);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (name.equals("groups")) {
            // As in the original, a reference to groups yields empty text.
            return Optional.of(StoredAttribute.ofValue(""));
        }
        return inheritance.resolve(record.get().record(), name)
                .map(Inheritance.Resolved::stored)
                .filter(stored -> !stored.isConcealed())
                .map(stored -> stored.isExpression() ? StoredAttribute.ofExpression(stored.expression())
                        : StoredAttribute.ofValue(stored.value()));
    }
}
