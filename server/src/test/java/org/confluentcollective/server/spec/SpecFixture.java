package org.confluentcollective.server.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.api.Evaluation;
import org.confluentcollective.server.expressions.ExpressionContext;
import org.confluentcollective.server.expressions.Expressions;
import org.confluentcollective.server.noderange.NodeUniverse;

/**
 * The small in-memory database the spec case files describe ("fixture" in their "format"):
 * groups with attributes or a dynamic noderange, nodes with an ordered group list and own
 * attributes. A node's stored attribute is its own, otherwise that of the first group in its
 * list defining it ({@code everything} is last). Expressions are evaluated on read.
 */
public final class SpecFixture implements NodeUniverse, ExpressionContext {

    /** What a read of one node attribute shows: a value or broken, and where it comes from. */
    public record Read(Evaluation evaluation, String inheritedFrom) {
    }

    private final Expressions expressions;
    private final Map<String, Map<String, StoredAttribute>> groupAttributes = new LinkedHashMap<>();
    private final Map<String, String> dynamicGroups = new HashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();
    private final Map<String, List<String>> nodeGroups = new LinkedHashMap<>();
    private final Map<String, Map<String, StoredAttribute>> nodeAttributes = new HashMap<>();

    private SpecFixture(Expressions expressions) {
        this.expressions = expressions;
    }

    /** A fixture from JSON text in the case files' fixture format. */
    public static SpecFixture fromJson(String json, AttributeCatalog catalog) {
        try {
            return load(new ObjectMapper().readTree(json), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture shared by both case files (the example database of noderange.md). */
    public static SpecFixture standard(AttributeCatalog catalog) {
        return load(readCases("/spec/noderange-cases.json").get("fixture"), catalog);
    }

    public static JsonNode readCases(String resource) {
        try (InputStream in = SpecFixture.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads groups, then nodes, then dynamic groups, as the case files' "format" asks. */
    public static SpecFixture load(JsonNode fixture, AttributeCatalog catalog) {
        SpecFixture db = new SpecFixture(new Expressions(catalog));
        fixture.get("groups").fields().forEachRemaining(group -> {
            db.groupAttributes.put(group.getKey(), new HashMap<>());
            db.members.put(group.getKey(), new LinkedHashSet<>());
            JsonNode attributes = group.getValue().get("attributes");
            if (attributes != null) {
                attributes.fields().forEachRemaining(attribute -> db.groupAttributes.get(group.getKey())
                        .put(attribute.getKey(), StoredAttribute.ofValue(attribute.getValue().asText())));
            }
        });
        fixture.get("nodes").fields().forEachRemaining(node -> {
            List<String> groups = new ArrayList<>();
            node.getValue().get("groups").forEach(group -> groups.add(group.asText()));
            db.nodeGroups.put(node.getKey(), groups);
            groups.forEach(group -> db.members.get(group).add(node.getKey()));
            Map<String, StoredAttribute> own = new HashMap<>();
            node.getValue().get("attributes").fields().forEachRemaining(attribute ->
                    own.put(attribute.getKey(), StoredAttribute.ofValue(attribute.getValue().asText())));
            db.nodeAttributes.put(node.getKey(), own);
        });
        fixture.get("groups").fields().forEachRemaining(group -> {
            JsonNode noderange = group.getValue().get("noderange");
            if (noderange != null) {
                db.dynamicGroups.put(group.getKey(), noderange.asText());
            }
        });
        return db;
    }

    public void setOnNode(String node, String attribute, StoredAttribute stored) {
        nodeAttributes.get(node).put(attribute, stored);
    }

    public void setOnGroup(String group, String attribute, StoredAttribute stored) {
        groupAttributes.get(group).put(attribute, stored);
    }

    public void clearOnNode(String node, String attribute) {
        nodeAttributes.get(node).remove(attribute);
    }

    public void clearOnGroup(String group, String attribute) {
        groupAttributes.get(group).remove(attribute);
    }

    /** The node's attribute as a read shows it: evaluated, with the group it is inherited from. */
    public Read read(String node, String attribute) {
        String source = sourceOf(node, attribute);
        Evaluation evaluation = expressions.evaluateAttribute(node, attribute, this);
        return new Read(evaluation, source == null || source.equals(node) ? null : source);
    }

    // ---- ExpressionContext

    @Override
    public Optional<StoredAttribute> attribute(String node, String name) {
        String source = sourceOf(node, name);
        if (source == null) {
            return Optional.empty();
        }
        Map<String, StoredAttribute> holder = source.equals(node) ? nodeAttributes.get(node) : groupAttributes.get(source);
        return Optional.of(holder.get(name));
    }

    /** The node itself, or the first group in its list defining the attribute, or null. */
    private String sourceOf(String node, String name) {
        if (nodeAttributes.get(node).containsKey(name)) {
            return node;
        }
        for (String group : nodeGroups.get(node)) {
            if (groupAttributes.get(group).containsKey(name)) {
                return group;
            }
        }
        return null;
    }

    // ---- NodeUniverse

    @Override
    public Collection<String> nodes() {
        return nodeGroups.keySet();
    }

    @Override
    public boolean isNode(String name) {
        return nodeGroups.containsKey(name);
    }

    @Override
    public boolean isGroup(String name) {
        return groupAttributes.containsKey(name);
    }

    @Override
    public Set<String> staticMembers(String group) {
        return members.getOrDefault(group, Set.of());
    }

    @Override
    public Optional<String> dynamicNoderange(String group) {
        return Optional.ofNullable(dynamicGroups.get(group));
    }

    @Override
    public Map<String, String> effectiveValues(String node) {
        Map<String, String> values = new HashMap<>();
        Set<String> names = new LinkedHashSet<>(nodeAttributes.get(node).keySet());
        nodeGroups.get(node).forEach(group -> names.addAll(groupAttributes.get(group).keySet()));
        for (String name : names) {
            StoredAttribute stored = attribute(node, name).orElseThrow();
            if (!stored.isExpression()) {
                values.put(name, stored.value());
                continue;
            }
            Evaluation evaluation = expressions.evaluateAttribute(node, name, this);
            if (!evaluation.isBroken()) {
                values.put(name, evaluation.value());
            }
        }
        return values;
    }
}
