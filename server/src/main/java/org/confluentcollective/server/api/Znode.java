package org.confluentcollective.server.api;

import java.util.Objects;

/**
 * One znode as an administrator may see it.
 *
 * @param path the znode's absolute path
 * @param data its data with secrets masked (passwords, keys and other secret attributes); null if the znode holds none
 * @param stat its metadata
 */
public record Znode(String path, String data, ZnodeStat stat) {

    public Znode {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stat, "stat");
    }
}
