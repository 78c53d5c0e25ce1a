package org.confluentcollective.server.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.secrets.ConfluentKeys;
import org.confluentcollective.server.secrets.SecretCipher;
import org.confluentcollective.server.secrets.SecretException;

/**
 * Maps a dump of the original confluent ({@code confluentdbutil dump}, the samples' README in
 * /work/shared/samples/confluent-dump) to records of ours:
 * <ul>
 *   <li>groups and nodes keep their attributes; {@code {"value": x}} is a value (JSON booleans and
 *       numbers as their text), {@code {"expression": e}} an expression (on a node the value the
 *       original computed is dropped: ours are evaluated on read), {@code hashvalue} and
 *       {@code grubhashvalue} a {@code crypted.*} hash as is, {@code cryptvalue} a secret opened
 *       with the dump's master key and sealed with the collective key;</li>
 *   <li>a node's {@code groups} keep their order ({@code everything} last); a group's
 *       {@code nodes} and a node's {@code _expressionkeys} are derived data and ignored; a dynamic
 *       group keeps its {@code noderange};</li>
 *   <li>users keep their role (Administrator, Operator, Monitor → admin, operator, monitor) and
 *       their password: {@code cryptpass} (PBKDF2-HMAC-SHA256, 10,000 rounds) becomes our
 *       {@code pbkdf2-sha256$10000$salt$hash}, so the same password logs in;</li>
 *   <li>{@code globals.json}'s {@code max_node_index} raises our id.index counter.</li>
 * </ul>
 * What cannot be taken over is skipped and listed (a secret without the key, a redacted value, an
 * unknown attribute, a Stub user); what has no counterpart here (user groups, collective members,
 * display names and numeric ids of users) is listed as not applied.
 */
final class ConfluentImport {

    static final String MAIN = "main.json";
    static final String KEYS = "keys.json";
    static final String GLOBALS = "globals.json";
    static final String COLLECTIVE = "collective.json";
    private static final String REDACTED = "*REDACTED*";
    private static final int CRYPTPASS_ROUNDS = 10_000;
    private static final Map<String, String> ROLES = Map.of(
            "Administrator", "admin", "Operator", "operator", "Monitor", "monitor");

    private final ObjectMapper mapper;
    private final SecretCipher cipher;
    private final ArchiveTarget target;
    private final Predicate<String> existingGroup;
    private ConfluentKeys keys;
    private String noKeys;

    ConfluentImport(ObjectMapper mapper, SecretCipher cipher, ArchiveTarget target, Predicate<String> existingGroup) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.target = target;
        this.existingGroup = existingGroup;
    }

    void read(Map<String, String> files, char[] passphrase) {
        JsonNode main = ArchiveFiles.object(mapper, files, MAIN);
        if (main == null) {
            throw RequestException.badRequest("the dump has no " + MAIN + ": not a dump of confluentdbutil");
        }
        openKeys(ArchiveFiles.object(mapper, files, KEYS), passphrase);

        JsonNode groups = main.path("nodegroups");
        for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String group = entry.getKey();
            if (!target.checkEntityName("group", group)) {
                continue;
            }
            target.groups.put(group, new GroupRecord(attributes("group", group, entry.getValue(), List.of("nodes"))));
        }
        JsonNode nodes = main.path("nodes");
        for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String node = entry.getKey();
            if (!target.checkEntityName("node", node)) {
                continue;
            }
            List<String> groupList = new ArrayList<>();
            entry.getValue().path("groups").forEach(g -> groupList.add(g.asText()));
            List<String> kept = target.groupList(node, groupList,
                    g -> target.groups.containsKey(g) || existingGroup.test(g));
            target.nodes.put(node, new NodeRecord(kept,
                    attributes("node", node, entry.getValue(), List.of("groups", "_expressionkeys"))));
        }
        users(main.path("users"));
        main.path("usergroups").fields().forEachRemaining(entry -> target.notes.add("user group "
                + entry.getKey() + " (role " + entry.getValue().path("role").asText()
                + "): operating-system groups are not mapped to roles here; not imported"));
        JsonNode collective = ArchiveFiles.object(mapper, files, COLLECTIVE);
        if (collective != null) {
            collective.fields().forEachRemaining(entry -> target.notes.add("collective member " + entry.getKey()
                    + " (" + entry.getValue().path("address").asText() + "): members are added with"
                    + " 'collective invite' and 'collective join'; not imported"));
        }
        JsonNode globals = ArchiveFiles.object(mapper, files, GLOBALS);
        if (globals != null) {
            globals.fields().forEachRemaining(entry -> {
                if (entry.getKey().equals("max_node_index") && entry.getValue().canConvertToLong()) {
                    target.nextIndex = entry.getValue().asLong();
                } else {
                    target.notes.add("global setting " + entry.getKey() + ": no counterpart here; not imported");
                }
            });
        }
    }

    private void openKeys(JsonNode keysJson, char[] passphrase) {
        if (keysJson == null) {
            noKeys = "the dump has no keys.json (add the keys.json of an earlier protected dump to import secrets)";
            return;
        }
        String cryptkey = keysJson.path("cryptkey").asText(null);
        if (keysJson.has("integritykey")) {
            target.notes.add("keys.json's integritykey: only needed for legacy CBC secrets, which this import"
                    + " does not read");
        }
        try {
            keys = ConfluentKeys.open(cryptkey, passphrase);
        } catch (SecretException e) {
            throw RequestException.badRequest(e.getMessage() + " (nothing was imported)");
        }
    }

    private Map<String, StoredValue> attributes(String kind, String entity, JsonNode json, List<String> ignored) {
        Map<String, StoredValue> attributes = new TreeMap<>();
        String where = kind + " " + entity;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (ignored.contains(name)) {
                continue;
            }
            StoredValue stored = value(where, name, entry.getValue());
            if (stored != null && target.checkAttribute(where, name, stored, kind.equals("group"))) {
                attributes.put(name, stored);
                if (stored.cryptvalue() != null) {
                    target.secrets++;
                }
            }
        }
        return attributes;
    }

    private StoredValue value(String where, String name, JsonNode json) {
        if (json.isTextual() && REDACTED.equals(json.asText())) {
            target.skip(where + ": " + name + ": redacted in the dump; not imported");
            return null;
        }
        if (!json.isObject()) {
            target.skip(where + ": " + name + ": not an attribute object; not imported");
            return null;
        }
        if (json.has("cryptvalue")) {
            if (keys == null) {
                target.skip(where + ": " + name + ": secret not imported: " + noKeys);
                return null;
            }
            try {
                return StoredValue.ofSealed(cipher.encrypt(keys.decrypt(json.path("cryptvalue").asText()), name));
            } catch (SecretException e) {
                target.skip(where + ": " + name + ": secret not imported: " + e.getMessage());
                return null;
            }
        }
        if (json.has("hashvalue")) {
            return StoredValue.ofHash(json.path("hashvalue").asText(), json.path("grubhashvalue").asText(null));
        }
        if (json.has("expression")) {
            return StoredValue.ofExpression(json.path("expression").asText());
        }
        JsonNode value = json.path("value");
        if (value.isValueNode() && !value.isNull()) {
            return StoredValue.ofValue(value.asText());
        }
        target.skip(where + ": " + name + ": " + (value.isMissingNode() ? "no value" : "not a single value")
                + "; not imported");
        return null;
    }

    private void users(JsonNode users) {
        for (Iterator<Map.Entry<String, JsonNode>> it = users.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode user = entry.getValue();
            String role = ROLES.get(user.path("role").asText());
            if (role == null) {
                target.skip("user " + name + ": role " + user.path("role").asText()
                        + " has no counterpart (admin, operator, monitor); not imported");
                continue;
            }
            String cryptpass = user.path("cryptpass").asText("");
            if (REDACTED.equals(cryptpass)) {
                target.skip("user " + name + ": password hash redacted in the dump; not imported");
                continue;
            }
            String[] parts = cryptpass.split("!", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                target.skip("user " + name + ": no password hash of a known form; not imported");
                continue;
            }
            String hash = "pbkdf2-sha256$" + CRYPTPASS_ROUNDS + "$" + parts[0] + "$" + parts[1];
            if (target.checkUser(name, role, hash)) {
                target.users.put(name, new UserRecord(role, hash));
                List<String> dropped = new ArrayList<>();
                for (String field : List.of("displayname", "id", "authid", "authenticators")) {
                    if (user.has(field)) {
                        dropped.add(field);
                    }
                }
                if (!dropped.isEmpty()) {
                    target.notes.add("user " + name + ": " + String.join(", ", dropped)
                            + " not kept (users here have a name, a role and a password only)");
                }
            }
        }
    }
}
