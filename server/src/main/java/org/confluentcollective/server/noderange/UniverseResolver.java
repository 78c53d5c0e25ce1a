package org.confluentcollective.server.noderange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.google.re2j.Pattern;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.noderange.Expr.Atom;
import org.confluentcollective.server.noderange.Expr.Parsed;

/**
 * Resolves atoms against a database (noderange.md section 3): regular expressions, attribute
 * selectors, brackets, then node, group, range, count form. Dynamic groups are evaluated once
 * per expansion and a group whose noderange leads back to itself is an error.
 */
final class UniverseResolver implements Evaluator.Resolver {

    /** What all resolvers of one expansion share, including those of dynamic groups. */
    private record Session(NodeUniverse universe, AttributeCatalog catalog,
                           Map<String, Set<String>> members, Set<String> expanding, NameBudget budget) {
    }

    /** Dynamic groups naming dynamic groups: deeper than this is refused, never a stack overflow. */
    static final int MAX_GROUP_DEPTH = 16;

    private final String noderange;
    private final Session session;

    UniverseResolver(String noderange, NodeUniverse universe, AttributeCatalog catalog) {
        this(noderange, new Session(universe, catalog, new HashMap<>(), new LinkedHashSet<>(), new NameBudget()));
    }

    private UniverseResolver(String noderange, Session session) {
        this.noderange = noderange;
        this.session = session;
    }

    @Override
    public Set<String> resolve(Atom atom) {
        String text = atom.text();
        char first = text.charAt(0);
        if (first == '~' || first == '/') {
            return regex(atom);
        }
        if (Selector.isSelector(text)) {
            return select(atom);
        }
        if (text.indexOf('[') >= 0) {
            Set<String> nodes = new HashSet<>();
            for (String spelled : Brackets.expand(noderange, text, atom.column(), session.budget())) {
                resolveName(nodes, spelled, atom);
            }
            return nodes;
        }
        NodeUniverse universe = session.universe();
        if (universe.isNode(text)) {
            return Set.of(text);
        }
        if (universe.isGroup(text)) {
            return members(text, atom);
        }
        Set<String> nodes = new HashSet<>();
        resolveName(nodes, text, atom);
        return nodes;
    }

    /** Rules 4-8: node, group, range or count form of nodes and groups, otherwise an error. */
    private void resolveName(Set<String> nodes, String text, Atom atom) {
        if (addNodeOrGroup(nodes, text, atom)) {
            return;
        }
        NameRange range = RangeSyntax.read(noderange, text, atom.column(), false);
        if (range == null) {
            throw new UnknownNameException(noderange, atom.column(), "'" + text + "' is neither a node nor a group");
        }
        session.budget().spend(range.size(), noderange, atom.column());
        range.forEach(name -> {
            if (!addNodeOrGroup(nodes, name, atom)) {
                throw new UnknownNameException(noderange, atom.column(),
                        "'" + name + "' (in range '" + text + "') is neither a node nor a group");
            }
        });
    }

    private boolean addNodeOrGroup(Set<String> nodes, String name, Atom atom) {
        NodeUniverse universe = session.universe();
        if (universe.isNode(name)) {
            nodes.add(name);
            return true;
        }
        if (universe.isGroup(name)) {
            nodes.addAll(members(name, atom));
            return true;
        }
        return false;
    }

    private Set<String> members(String group, Atom atom) {
        Set<String> known = session.members().get(group);
        if (known != null) {
            return known;
        }
        Set<String> members = session.universe().staticMembers(group);
        Optional<String> dynamic = session.universe().dynamicNoderange(group);
        if (dynamic.isPresent()) {
            members = new HashSet<>(members);
            members.addAll(dynamicMembers(group, dynamic.get(), atom));
        }
        session.members().put(group, members);
        return members;
    }

    private Collection<String> dynamicMembers(String group, String groupRange, Atom atom) {
        if (!session.expanding().add(group)) {
            List<String> cycle = new ArrayList<>(session.expanding());
            cycle = cycle.subList(cycle.indexOf(group), cycle.size());
            throw fail(atom, "dynamic groups refer to each other in a cycle: "
                    + String.join(" -> ", cycle) + " -> " + group);
        }
        if (session.expanding().size() > MAX_GROUP_DEPTH) {
            session.expanding().remove(group);
            throw new NodeRangeLimitException(noderange, atom.column(), "dynamic groups name each other more than " + MAX_GROUP_DEPTH + " deep: "
                    + String.join(" -> ", session.expanding()) + " -> " + group);
        }
        try {
            Parsed parsed = Parser.parse(groupRange);
            UniverseResolver inner = new UniverseResolver(groupRange, session);
            Set<String> nodes = Evaluator.evaluate(parsed.expr(), inner);
            return parsed.pagination().isNone() ? nodes : Evaluator.sortAndPage(nodes, parsed.pagination());
        } catch (NodeRangeException e) {
            throw fail(atom, "group '" + group + "' has a bad noderange: " + e.getMessage());
        } finally {
            session.expanding().remove(group);
        }
    }

    private Set<String> regex(Atom atom) {
        Pattern pattern = Selector.compile(noderange, atom.text().substring(1), atom.column() + 1);
        Set<String> nodes = new HashSet<>();
        for (String node : session.universe().nodes()) {
            if (pattern.matcher(node).find()) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private Set<String> select(Atom atom) {
        Selector selector = Selector.parse(noderange, atom.text(), atom.column(), session.catalog());
        NodeUniverse universe = session.universe();
        Set<String> nodes = new HashSet<>();
        for (String node : universe.nodes()) {
            if (selector.test(node, universe)) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private NodeRangeException fail(Atom atom, String problem) {
        return new NodeRangeException(noderange, atom.column(), problem);
    }
}
