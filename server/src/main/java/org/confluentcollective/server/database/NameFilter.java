package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.attributes.Glob;

/**
 * The attribute names a read asked for: exact names (aliases resolved) and globs, checked
 * once per read. An empty selection wants everything.
 */
record NameFilter(Set<String> exact, List<Glob> globs, boolean everything) {

    static NameFilter of(AttributeSelection selection, AttributeCatalog catalog) {
        if (selection.patterns().isEmpty()) {
            return new NameFilter(Set.of(), List.of(), true);
        }
        Set<String> exact = new LinkedHashSet<>();
        List<Glob> globs = new ArrayList<>();
        for (String pattern : selection.patterns()) {
            String name = catalog.resolveAlias(pattern);
            if (Glob.isPattern(name)) {
                globs.add(Glob.compile(name));
            } else if (isReadable(name, catalog)) {
                exact.add(name);
            } else {
                throw RequestException.unknownAttribute(pattern, catalog.closestNames(name));
            }
        }
        return new NameFilter(exact, globs, false);
    }

    /** Only exact names: they can be looked up one by one. */
    boolean isExact() {
        return !everything && globs.isEmpty();
    }

    boolean test(String name) {
        if (everything || exact.contains(name)) {
            return true;
        }
        for (Glob glob : globs) {
            if (glob.matches(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReadable(String name, AttributeCatalog catalog) {
        return catalog.isValidName(name) || name.equals(ChangeSet.GROUPS) || name.equals(ChangeSet.NODES)
                || name.equals(TreeUniverse.DYNAMIC_GROUP_ATTRIBUTE);
    }
}
