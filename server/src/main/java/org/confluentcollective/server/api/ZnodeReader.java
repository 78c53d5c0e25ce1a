package org.confluentcollective.server.api;

import java.util.List;

/**
 * zkCli-style reads of any znode, for debugging ({@code confluentctl zk ls|get|stat|tree}):
 * children, data with secrets masked, metadata, and a bounded recursive listing. Reads go to
 * ZooKeeper, not to the in-memory copy, so they show what is really stored. Failures are
 * {@link RequestException}s: NOT_FOUND for a missing znode, BAD_REQUEST for a malformed path,
 * UNAVAILABLE when ZooKeeper cannot be reached.
 */
public interface ZnodeReader {

    /** The most paths one {@link #tree} call lists: room for a whole 100,000-node database. */
    int MAX_TREE_ENTRIES = 200_000;

    /** The names of {@code path}'s children in natural order ({@code n2} before {@code n10}). */
    List<String> children(String path);

    /** The znode's data, masked, with its metadata. */
    Znode get(String path);

    /** The znode's metadata, as zkCli's {@code stat} shows it. */
    ZnodeStat stat(String path);

    /**
     * {@code path} and the znodes below it, depth first, children in natural order; stops after
     * {@code maxEntries} paths (between 1 and {@link #MAX_TREE_ENTRIES}, else BAD_REQUEST) and
     * then says so. Znodes removed during the walk are left out.
     */
    ZnodeTree tree(String path, int maxEntries);
}
