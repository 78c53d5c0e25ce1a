package org.confluentcollective.server.inspect;

import org.apache.zookeeper.common.PathUtils;
import org.confluentcollective.server.api.RequestException;

/** Checks and takes apart absolute znode paths, as ZooKeeper accepts them (no resolving of {@code .} or {@code ..}). */
final class ZnodePath {

    private ZnodePath() {
    }

    /** Refuses anything ZooKeeper would not take as a znode path, with BAD_REQUEST naming the problem. */
    static void check(String path) {
        if (path == null || path.isEmpty()) {
            throw RequestException.badRequest("a znode path is required, e.g. /confluent/v1");
        }
        if (!path.startsWith("/")) {
            throw bad(path, "it must start with '/'");
        }
        if (path.equals("/")) {
            return;
        }
        if (path.endsWith("/")) {
            throw bad(path, "only the root may end with '/'");
        }
        if (path.contains("//")) {
            throw bad(path, "it has an empty segment ('//')");
        }
        for (String segment : path.substring(1).split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw bad(path, "'.' and '..' segments are not allowed");
            }
        }
        try {
            PathUtils.validatePath(path);
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    /** The last segment ({@code ""} for the root). */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String child(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }

    private static RequestException bad(String path, String reason) {
        return RequestException.badRequest("invalid znode path '" + path + "': " + reason);
    }
}
