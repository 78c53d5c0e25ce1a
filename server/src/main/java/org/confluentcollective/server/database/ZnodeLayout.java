package org.confluentcollective.server.database;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Where the collective keeps its data, under a versioned root (design.md §4). Node znodes are
 * spread over 256 hash buckets so that no parent has 100,000 children: a single
 * {@code getChildren} of such a parent would exceed ZooKeeper's default packet limit.
 */
public record ZnodeLayout(String root) {

    static final int BUCKETS = 256;

    public static ZnodeLayout standard() {
        return new ZnodeLayout("/confluent/v1");
    }

    /** What a path under the root holds. */
    public enum Kind { NODE, GROUP, USER }

    /** A path classified, with the entity name it holds. */
    public record Entry(Kind kind, String name) {
    }

    public String nodesPath() {
        return root + "/nodes";
    }

    public String groupsPath() {
        return root + "/groups";
    }

    public String usersPath() {
        return root + "/users";
    }

    public String countersPath() {
        return root + "/counters";
    }

    public String nodeIndexCounter() {
        return countersPath() + "/id.index";
    }

    /**
     * Written by consistent reads and the quorum probe: a write only a quorum can commit. It
     * sits beside the root, not under it, so that the members' watches do not see it.
     */
    public String barrierPath() {
        return root + "-barrier";
    }

    public String bucketPath(int bucket) {
        return nodesPath() + "/" + bucketName(bucket);
    }

    public String nodePath(String node) {
        return bucketPath(bucketOf(node)) + "/" + node;
    }

    public String groupPath(String group) {
        return groupsPath() + "/" + group;
    }

    public String userPath(String user) {
        return usersPath() + "/" + user;
    }

    /** Every persistent container znode, parents first. */
    public List<String> containers() {
        List<String> paths = new ArrayList<>(List.of(root, nodesPath(), groupsPath(), usersPath(), countersPath()));
        for (int b = 0; b < BUCKETS; b++) {
            paths.add(bucketPath(b));
        }
        return paths;
    }

    /** Classifies a path under the root; empty for containers and unknown paths. */
    public Optional<Entry> classify(String path) {
        if (path.startsWith(nodesPath() + "/")) {
            String rest = path.substring(nodesPath().length() + 1);
            int slash = rest.indexOf('/');
            return slash < 0 ? Optional.empty() : Optional.of(new Entry(Kind.NODE, rest.substring(slash + 1)));
        }
        if (path.startsWith(groupsPath() + "/")) {
            return Optional.of(new Entry(Kind.GROUP, path.substring(groupsPath().length() + 1)));
        }
        if (path.startsWith(usersPath() + "/")) {
            return Optional.of(new Entry(Kind.USER, path.substring(usersPath().length() + 1)));
        }
        return Optional.empty();
    }

    /** The znode holding an entry. */
    public String pathOf(Entry entry) {
        return switch (entry.kind()) {
            case NODE -> nodePath(entry.name());
            case GROUP -> groupPath(entry.name());
            case USER -> userPath(entry.name());
        };
    }

    static int bucketOf(String node) {
        CRC32 crc = new CRC32();
        crc.update(node.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % BUCKETS);
    }

    private static String bucketName(int bucket) {
        return "%02x".formatted(bucket);
    }
}
