package org.confluentcollective.server.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.confluentcollective.server.api.ArchiveReport;
import org.confluentcollective.server.api.DatabaseArchive;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.expressions.Expressions;
import org.confluentcollective.server.noderange.NaturalOrder;
import org.confluentcollective.server.secrets.PassphraseSeal;
import org.confluentcollective.server.secrets.SecretCipher;
import org.confluentcollective.server.secrets.SecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dump, restore and import over the ZooKeeper database (docs/operations.md, Backups).
 *
 * <p>A dump is taken after {@code awaitCurrent()} from one state of the memory copy (copied under
 * {@link TreeSync#snapshot}, so no change is half in it). A restore is checked completely (format,
 * names, expressions, passphrase, every secret opened) before the first write, then written in
 * batches of at most 1,000 operations and ~512 KB: groups and users first, then nodes, then what
 * the dump does not hold is removed. Each batch is atomic; a quorum lost in the middle leaves
 * the batches written so far (the error says how many), and running the restore again completes it.
 */
final class ZkDatabaseArchive implements DatabaseArchive {

    private static final Logger LOG = LoggerFactory.getLogger(ZkDatabaseArchive.class);

    static final String FORMAT = "confluent-collective-dump";
    static final int VERSION = 1;
    static final String NODES = "nodes.json";
    static final String GROUPS = "groups.json";
    static final String USERS = "users.json";
    private static final NaturalOrder NATURAL = new NaturalOrder();

    private final MemoryTree tree;
    private final TreeSync sync;
    private final ZnodeLayout layout;
    private final Transactions transactions;
    private final IdCounter ids;
    private final AttributeCatalog catalog;
    private final Expressions expressions;
    private final SecretCipher cipher;
    private final Runnable awaitCurrent;
    private final String member;
    private final int iterations;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectWriter writer;
    private final RecordCodec codec = new RecordCodec();

    ZkDatabaseArchive(MemoryTree tree, TreeSync sync, ZnodeLayout layout, Transactions transactions, IdCounter ids,
                      AttributeCatalog catalog, SecretCipher cipher, Runnable awaitCurrent, String member,
                      int iterations, Clock clock) {
        this.tree = tree;
        this.sync = sync;
        this.layout = layout;
        this.transactions = transactions;
        this.ids = ids;
        this.catalog = catalog;
        this.expressions = new Expressions(catalog);
        this.cipher = cipher;
        this.awaitCurrent = awaitCurrent;
        this.member = member;
        this.iterations = iterations;
        this.clock = clock;
        DefaultIndenter newlines = new DefaultIndenter("  ", "\n");
        this.writer = mapper.writer(new DefaultPrettyPrinter().withObjectIndenter(newlines).withArrayIndenter(newlines));
    }

    // ---- dump ----------------------------------------------------------------------------------

    @Override
    public SortedMap<String, String> dump(char[] passphrase) {
        awaitCurrent.run();
        MemoryTree.Copy copy = sync.snapshot(tree::copy);
        PassphraseSeal seal = passphrase == null ? null : sealOrRefuse(() -> PassphraseSeal.create(passphrase, iterations));
        int[] secrets = new int[1];
        List<String> unreadable = new ArrayList<>();

        ObjectNode nodes = mapper.createObjectNode();
        for (String name : sorted(copy.nodes().keySet())) {
            NodeRecord record = copy.nodes().get(name).record();
            ObjectNode entry = nodes.putObject(name);
            ArrayNode groups = entry.putArray("groups");
            record.groups().forEach(groups::add);
            entry.set("attributes", attributes("node", name, record.attributes(), seal, secrets, unreadable));
        }
        ObjectNode groups = mapper.createObjectNode();
        for (String name : sorted(copy.groups().keySet())) {
            GroupRecord record = copy.groups().get(name).record();
            groups.putObject(name).set("attributes",
                    attributes("group", name, record.attributes(), seal, secrets, unreadable));
        }
        ObjectNode users = mapper.createObjectNode();
        for (String name : sorted(copy.users().keySet())) {
            UserRecord record = copy.users().get(name).record();
            users.putObject(name).put("role", record.role()).put("passwordHash", record.passwordHash());
        }

        ObjectNode meta = mapper.createObjectNode();
        meta.put("format", FORMAT);
        meta.put("version", VERSION);
        meta.put("member", member);
        meta.put("time", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode counts = meta.putObject("counts");
        counts.put("nodes", copy.nodes().size());
        counts.put("groups", copy.groups().size());
        counts.put("users", copy.users().size());
        counts.put("secrets", secrets[0]);
        ObjectNode protection = meta.putObject("secrets");
        if (seal == null) {
            protection.put("protection", "redacted");
            protection.put("note", "secret values are left out of this dump; crypted.* and password hashes are kept");
        } else {
            protection.put("protection", "passphrase");
            protection.put("cipher", PassphraseSeal.CIPHER);
            protection.put("kdf", PassphraseSeal.KDF);
            protection.put("iterations", seal.iterations());
            protection.put("salt", Base64.getEncoder().encodeToString(seal.salt()));
            protection.put("check", seal.check());
        }
        if (!unreadable.isEmpty()) {
            ArrayNode left = meta.putArray("unreadableSecrets");
            unreadable.forEach(left::add);
        }
        SortedMap<String, String> files = new TreeMap<>();
        files.put(META, text(meta));
        files.put(NODES, text(nodes));
        files.put(GROUPS, text(groups));
        files.put(USERS, text(users));
        return files;
    }

    private ObjectNode attributes(String kind, String entity, Map<String, StoredValue> attributes, PassphraseSeal seal,
                                  int[] secrets, List<String> unreadable) {
        ObjectNode json = mapper.createObjectNode();
        for (String name : new TreeMap<>(attributes).keySet()) {
            StoredValue stored = attributes.get(name);
            if (stored.cryptvalue() != null) {
                secrets[0]++;
                if (seal == null) {
                    continue;
                }
                String clear;
                try {
                    clear = cipher.decrypt(stored.cryptvalue(), name);
                } catch (RuntimeException e) {
                    LOG.warn("dump: {} {}: the secret {} cannot be opened, left out: {}", kind, entity, name,
                            e.getMessage());
                    unreadable.add(kind + " " + entity + ": " + name);
                    continue;
                }
                json.putObject(name).put("sealed", seal.seal(clear, context(kind, entity, name)));
            } else if (stored.hashvalue() != null) {
                ObjectNode hash = json.putObject(name).put("hashvalue", stored.hashvalue());
                if (stored.grubhashvalue() != null) {
                    hash.put("grubhashvalue", stored.grubhashvalue());
                }
            } else if (stored.isExpression()) {
                json.putObject(name).put("expression", stored.expression());
            } else {
                json.putObject(name).put("value", stored.value());
            }
        }
        return json;
    }

    private static String context(String kind, String entity, String attribute) {
        return kind + ":" + entity + ":" + attribute;
    }

    private String text(JsonNode json) {
        try {
            return writer.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dump", e);
        }
    }

    private static List<String> sorted(java.util.Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(NATURAL);
        return sorted;
    }

    // ---- restore -------------------------------------------------------------------------------

    @Override
    public ArchiveReport restore(Map<String, String> files, char[] passphrase, boolean merge) {
        awaitCurrent.run();
        JsonNode meta = parse(files, META, true);
        if (!FORMAT.equals(meta.path("format").asText()) || !meta.path("version").canConvertToInt()) {
            throw RequestException.badRequest(META + " is not the metadata of a confluent-collective dump"
                    + " (a dump of the original confluent is read by 'import')");
        }
        if (meta.path("version").asInt() > VERSION) {
            throw RequestException.badRequest("the dump has format version " + meta.path("version").asInt()
                    + "; this member reads up to version " + VERSION);
        }
        JsonNode protection = meta.path("secrets");
        PassphraseSeal seal = null;
        ArchiveTarget target = new ArchiveTarget(true, catalog, expressions);
        if ("passphrase".equals(protection.path("protection").asText())) {
            if (passphrase == null || passphrase.length == 0) {
                throw RequestException.badRequest("the secrets of this dump are sealed with a passphrase: give it"
                        + " (nothing was restored)");
            }
            if (!PassphraseSeal.KDF.equals(protection.path("kdf").asText())
                    || !PassphraseSeal.CIPHER.equals(protection.path("cipher").asText())) {
                throw RequestException.badRequest("the dump's secrets are sealed with " + protection.path("cipher").asText()
                        + " / " + protection.path("kdf").asText() + ", which this member does not know");
            }
            byte[] salt;
            try {
                salt = Base64.getDecoder().decode(protection.path("salt").asText());
            } catch (IllegalArgumentException e) {
                throw RequestException.badRequest("the dump's salt is not base64");
            }
            PassphraseSeal opened = sealOrRefuse(() -> PassphraseSeal.of(passphrase, salt,
                    protection.path("iterations").asInt()));
            sealOrRefuse(() -> {
                opened.verifyCheck(protection.path("check").asText());
                return opened;
            });
            seal = opened;
        } else if ("redacted".equals(protection.path("protection").asText())) {
            target.notes.add("the dump is redacted: it holds no secret values ("
                    + meta.path("counts").path("secrets").asInt() + " were left out); none are restored");
        } else {
            throw RequestException.badRequest(META + " does not say how the dump's secrets are kept");
        }

        JsonNode groups = parse(files, GROUPS, true);
        for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            target.checkEntityName("group", name);
            target.groups.put(name, new GroupRecord(readAttributes(target, "group", name,
                    entry.getValue().path("attributes"), seal)));
        }
        JsonNode nodes = parse(files, NODES, true);
        for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            target.checkEntityName("node", name);
            List<String> groupList = new ArrayList<>();
            entry.getValue().path("groups").forEach(g -> groupList.add(g.asText()));
            List<String> kept = target.groupList(name, groupList,
                    g -> target.groups.containsKey(g) || (merge && tree.hasGroup(g)));
            target.nodes.put(name, new NodeRecord(kept, readAttributes(target, "node", name,
                    entry.getValue().path("attributes"), seal)));
        }
        JsonNode users = parse(files, USERS, false);
        if (users != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = users.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String role = entry.getValue().path("role").asText();
                String hash = entry.getValue().path("passwordHash").asText(null);
                if (target.checkUser(entry.getKey(), role, hash)) {
                    target.users.put(entry.getKey(), new UserRecord(role, hash));
                }
            }
        }
        return apply(target, merge);
    }

    private Map<String, StoredValue> readAttributes(ArchiveTarget target, String kind, String entity, JsonNode json,
                                                    PassphraseSeal seal) {
        Map<String, StoredValue> attributes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            String where = kind + " " + entity;
            StoredValue stored;
            if (value.has("sealed")) {
                if (seal == null) {
                    target.skip(where + ": " + name + ": a sealed secret in a dump without a passphrase");
                    continue;
                }
                String clear;
                try {
                    clear = seal.open(value.path("sealed").asText(), context(kind, entity, name));
                } catch (SecretException e) {
                    throw RequestException.badRequest(where + ": " + e.getMessage() + "; nothing was restored");
                }
                stored = StoredValue.ofSealed(cipher.encrypt(clear, name));
                target.secrets++;
            } else if (value.has("hashvalue")) {
                stored = StoredValue.ofHash(value.path("hashvalue").asText(), value.path("grubhashvalue").asText(null));
            } else if (value.has("expression")) {
                stored = StoredValue.ofExpression(value.path("expression").asText());
            } else if (value.has("value") && value.path("value").isValueNode() && !value.path("value").isNull()) {
                stored = StoredValue.ofValue(value.path("value").asText());
            } else {
                target.skip(where + ": " + name + ": not a value, expression, sealed secret or hash");
                continue;
            }
            if (target.checkAttribute(where, name, stored, kind.equals("group"))) {
                attributes.put(name, stored);
            }
        }
        return attributes;
    }

    private JsonNode parse(Map<String, String> files, String name, boolean required) {
        if (required && !files.containsKey(name)) {
            throw RequestException.badRequest("the dump has no " + name);
        }
        return ArchiveFiles.object(mapper, files, name);
    }

    private static <T> T sealOrRefuse(Supplier<T> action) {
        try {
            return action.get();
        } catch (SecretException e) {
            throw RequestException.badRequest(e.getMessage() + " (nothing was restored)");
        }
    }

    // ---- import of the original's dump ---------------------------------------------------------

    @Override
    public ArchiveReport importConfluent(Map<String, String> files, char[] passphrase, boolean merge) {
        awaitCurrent.run();
        ArchiveTarget target = new ArchiveTarget(false, catalog, expressions);
        new ConfluentImport(mapper, cipher, target, merge ? tree::hasGroup : g -> false).read(files, passphrase);
        return apply(target, merge);
    }

    // ---- writing -------------------------------------------------------------------------------

    private ArchiveReport apply(ArchiveTarget target, boolean merge) {
        if (!target.groups.containsKey(ZkNodeDatabase.EVERYTHING) && !merge) {
            target.groups.put(ZkNodeDatabase.EVERYTHING, GroupRecord.empty());
        }
        List<String> goneNodes = new ArrayList<>();
        List<String> goneGroups = new ArrayList<>();
        List<String> goneUsers = new ArrayList<>();
        if (!merge) {
            tree.sortedNodes().stream().filter(n -> !target.nodes.containsKey(n)).forEach(goneNodes::add);
            tree.sortedGroups().stream().filter(g -> !target.groups.containsKey(g)).forEach(goneGroups::add);
            sorted(tree.userNames()).stream().filter(u -> !target.users.containsKey(u)).forEach(goneUsers::add);
        }
        List<Supplier<List<ZkWriter.Write>>> first = new ArrayList<>();
        first.addAll(upserts(target.groups, layout::groupPath, g -> tree.group(g)));
        first.addAll(upserts(target.users, layout::userPath, u -> tree.user(u)));
        List<Supplier<List<ZkWriter.Write>>> second = new ArrayList<>();
        second.addAll(upserts(target.nodes, layout::nodePath, n -> tree.node(n)));
        second.addAll(removals(goneNodes, layout::nodePath, n -> tree.node(n)));
        List<Supplier<List<ZkWriter.Write>>> third = new ArrayList<>();
        third.addAll(removals(goneGroups, layout::groupPath, g -> tree.group(g)));
        third.addAll(removals(goneUsers, layout::userPath, u -> tree.user(u)));
        // Everything is encoded and checked (record and batch sizes) before the first write.
        for (List<Supplier<List<ZkWriter.Write>>> phase : List.of(first, second, third)) {
            phase.forEach(plan -> transactions.check(plan.get()));
        }
        transactions.runAll(first);
        transactions.runAll(second);
        transactions.runAll(third);
        long maxIndex = 0;
        for (NodeRecord record : target.nodes.values()) {
            StoredValue index = record.attributes().get(ZkNodeDatabase.ID_INDEX);
            if (index != null && index.value() != null) {
                try {
                    maxIndex = Math.max(maxIndex, Long.parseLong(index.value().trim()));
                } catch (NumberFormatException notANumber) {
                    // an id.index that is not a number reserves nothing
                }
            }
        }
        long next = Math.max(maxIndex + 1, target.nextIndex);
        if (next > 1) {
            ids.raiseTo(next);
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        counts.put("nodes", target.nodes.size());
        counts.put("groups", target.groups.size());
        counts.put("users", target.users.size());
        counts.put("secrets", target.secrets);
        counts.put("removed nodes", goneNodes.size());
        counts.put("removed groups", goneGroups.size());
        counts.put("removed users", goneUsers.size());
        LOG.info("database {}: {}; {} items skipped", merge ? "merged from a dump" : "restored from a dump", counts,
                target.skipped.size());
        return new ArchiveReport(counts, target.skipped, target.notes);
    }

    private <R> List<Supplier<List<ZkWriter.Write>>> upserts(Map<String, R> records, Function<String, String> path,
                                                             Function<String, Optional<MemoryTree.Versioned<R>>> held) {
        List<Supplier<List<ZkWriter.Write>>> plans = new ArrayList<>();
        for (List<String> batch : MultiBatches.of(new ArrayList<>(records.keySet()),
                name -> codec.encode(records.get(name)).length + 64)) {
            plans.add(() -> {
                List<ZkWriter.Write> writes = new ArrayList<>();
                for (String name : batch) {
                    R record = records.get(name);
                    Optional<MemoryTree.Versioned<R>> current = held.apply(name);
                    if (current.isEmpty()) {
                        writes.add(new ZkWriter.Create(path.apply(name), record));
                    } else if (!current.get().record().equals(record)) {
                        writes.add(new ZkWriter.Update(path.apply(name), record, current.get().version()));
                    }
                }
                return writes;
            });
        }
        return plans;
    }

    private <R> List<Supplier<List<ZkWriter.Write>>> removals(List<String> names, Function<String, String> path,
                                                              Function<String, Optional<MemoryTree.Versioned<R>>> held) {
        List<Supplier<List<ZkWriter.Write>>> plans = new ArrayList<>();
        for (List<String> batch : MultiBatches.of(names, name -> 64)) {
            plans.add(() -> {
                List<ZkWriter.Write> writes = new ArrayList<>();
                for (String name : batch) {
                    held.apply(name).ifPresent(h -> writes.add(new ZkWriter.Delete(path.apply(name), h.version())));
                }
                return writes;
            });
        }
        return plans;
    }
}
