package org.confluentcollective.server.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.expressions.ExpressionException;
import org.confluentcollective.server.expressions.Expressions;
import org.confluentcollective.server.noderange.NaturalOrder;

/**
 * What a restore or an import is to write: the records as they will be stored (secrets already
 * sealed with the collective key), checked entry by entry. A problem either refuses the whole
 * request (a restore: {@link #strict}) or leaves the item out and is reported (an import).
 */
final class ArchiveTarget {

    static final Pattern ENTITY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final List<String> ROLES = List.of("admin", "operator", "monitor");

    final Map<String, NodeRecord> nodes = new TreeMap<>(new NaturalOrder());
    final Map<String, GroupRecord> groups = new TreeMap<>(new NaturalOrder());
    final Map<String, UserRecord> users = new TreeMap<>(new NaturalOrder());
    final List<String> skipped = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    int secrets;
    /** The next id.index the counter must reach at least (0: no requirement beyond the nodes'). */
    long nextIndex;

    private final boolean strict;
    private final AttributeCatalog catalog;
    private final Expressions expressions;

    ArchiveTarget(boolean strict, AttributeCatalog catalog, Expressions expressions) {
        this.strict = strict;
        this.catalog = catalog;
        this.expressions = expressions;
    }

    /** An item that cannot be taken over: refuses a restore, is listed by an import. */
    void skip(String line) {
        if (strict) {
            throw RequestException.badRequest(line + "; nothing was restored");
        }
        skipped.add(line);
    }

    boolean checkEntityName(String kind, String name) {
        if (name != null && ENTITY_NAME.matcher(name).matches()) {
            return true;
        }
        skip(kind + " '" + name + "': not a valid name");
        return false;
    }

    /** Whether {@code value} may be stored as {@code name} of a node or group; says why not otherwise. */
    boolean checkAttribute(String where, String name, StoredValue value, boolean group) {
        if (group && name.equals(TreeUniverse.DYNAMIC_GROUP_ATTRIBUTE)) {
            if (value.value() == null) {
                skip(where + ": " + name + ": a dynamic group's noderange must be a plain value");
                return false;
            }
            return true;
        }
        if (!catalog.isValidName(name) || catalog.isAlias(name)) {
            skip(where + ": " + name + ": not an attribute of confluent-collective");
            return false;
        }
        boolean secret = catalog.isSecret(name);
        boolean crypted = catalog.isCrypted(name);
        if (secret != (value.cryptvalue() != null) || crypted != (value.hashvalue() != null)) {
            skip(where + ": " + name + ": stored in the wrong form for this attribute");
            return false;
        }
        if (value.isExpression()) {
            try {
                expressions.check(name, value.expression());
            } catch (ExpressionException e) {
                skip(where + ": " + name + ": bad expression " + value.expression() + ": " + e.getMessage());
                return false;
            }
        } else if (value.value() != null) {
            // A value the source held is kept even where this version's input checks would refuse it
            // (the original accepted console.method=redfish, say): dropping it would lose data.
            var problem = catalog.checkValue(name, value.value());
            problem.ifPresent(reason -> notes.add(where + ": " + name + ": kept '" + value.value()
                    + "', although it would be refused as input here: " + reason));
        }
        return true;
    }

    boolean checkUser(String name, String role, String hash) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            skip("user '" + name + "': not a valid user name");
            return false;
        }
        if (!ROLES.contains(role)) {
            skip("user " + name + ": role '" + role + "' is not one of " + String.join(", ", ROLES));
            return false;
        }
        if (hash == null || hash.isEmpty()) {
            skip("user " + name + ": no password hash");
            return false;
        }
        return true;
    }

    /** Drops group references to groups the result will not have, and puts {@code everything} last. */
    List<String> groupList(String node, List<String> groups, java.util.function.Predicate<String> exists) {
        List<String> kept = new ArrayList<>();
        for (String group : groups) {
            if (group.equals(ZkNodeDatabase.EVERYTHING) || kept.contains(group)) {
                continue;
            }
            if (exists.test(group)) {
                kept.add(group);
            } else {
                skip("node " + node + ": member of group " + group + ", which the dump does not define");
            }
        }
        kept.add(ZkNodeDatabase.EVERYTHING);
        return kept;
    }
}
