package org.confluentcollective.server.api;

import java.util.List;
import java.util.Objects;

/**
 * A depth-first listing of a subtree, the starting znode first.
 *
 * @param path      where the listing starts
 * @param paths     the znodes found, at most the limit asked for
 * @param truncated true if the limit stopped the listing before the subtree was complete
 */
public record ZnodeTree(String path, List<String> paths, boolean truncated) {

    public ZnodeTree {
        Objects.requireNonNull(path, "path");
        paths = List.copyOf(paths);
    }
}
