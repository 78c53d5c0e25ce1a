package org.confluentcollective.server.noderange;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.noderange.Expr.Parsed;

/** Expands noderanges (see shared/spec/noderange.md and its section 13 decisions). */
public final class NodeRanges {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?");

    /** Longest noderange accepted, in characters (docs/api.md). */
    public static final int MAX_LENGTH = 8192;

    private final AttributeCatalog catalog;

    public NodeRanges(AttributeCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog);
    }

    /**
     * Expands a noderange against a database.
     *
     * @return the matching nodes, naturally sorted, without duplicates
     * @throws NodeRangeException on a syntax error or an unknown name
     */
    public List<String> expand(String noderange, NodeUniverse universe) {
        Parsed parsed = parse(noderange);
        UniverseResolver resolver = new UniverseResolver(noderange, universe, catalog);
        return Evaluator.sortAndPage(Evaluator.evaluate(parsed.expr(), resolver), parsed.pagination());
    }

    /**
     * Expands the names a noderange spells, without consulting any database: used to define
     * new nodes ({@code nodedefine r1u[01-42]}, {@code n1-n20}, {@code n1+3}, a plain name).
     * Regular expressions, selectors and groups are errors here.
     *
     * <p>A dash joins two ends only when they have the same shape ({@code n1-n20}); otherwise it
     * is part of the name ({@code login-1}).
     */
    public List<String> expandNames(String noderange) {
        Parsed parsed = parse(noderange);
        return Evaluator.sortAndPage(Evaluator.evaluate(parsed.expr(), new NameResolver(noderange, false, new NameBudget())),
                parsed.pagination());
    }

    private static Parsed parse(String noderange) {
        if (noderange.length() > MAX_LENGTH) {
            throw new NodeRangeLimitException(noderange.substring(0, 40) + "...", MAX_LENGTH + 1,
                    "a noderange has at most " + MAX_LENGTH + " characters; this one has " + noderange.length());
        }
        return Parser.parse(noderange);
    }

    /**
     * A short noderange spelling exactly these nodes, such as {@code n[1-4],r1u[01-03]}; empty
     * text for no nodes. Expanded against a database holding the nodes it gives them back; so
     * does {@link #expandNames} when every name expands to itself there.
     *
     * @throws IllegalArgumentException when a name is not {@linkplain #isValidName valid}
     */
    public static String abbreviate(Collection<String> nodes) {
        return Abbreviator.abbreviate(nodes);
    }

    /**
     * Whether a node or group name is a single plain noderange element: letters, digits and
     * {@code . _ -}, starting and ending with a letter, digit or {@code _}, without {@code ..}.
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }
}
