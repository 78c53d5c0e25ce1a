package org.confluentcollective.server.noderange;

import java.util.List;
import org.confluentcollective.server.attributes.AttributeCatalog;

/** Expands noderanges (see shared/spec/noderange.md and its section 13 decisions). */
public final class NodeRanges {

    private final AttributeCatalog catalog;

    public NodeRanges(AttributeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Expands a noderange against a database.
     *
     * @return the matching nodes, naturally sorted, without duplicates
     * @throws NodeRangeException on a syntax error or an unknown name
     */
    public List<String> expand(String noderange, NodeUniverse universe) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Expands the names a noderange spells, without consulting any database: used to define
     * new nodes ({@code nodedefine r1u[01-42]}, {@code n1-n20}, {@code n1+3}, a plain name).
     * Regular expressions, selectors and groups are errors here.
     */
    public List<String> expandNames(String noderange) {
        throw new UnsupportedOperationException("not yet");
    }
}
