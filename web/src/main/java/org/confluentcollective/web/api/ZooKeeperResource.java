package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.Znode;
import org.confluentcollective.server.api.ZnodeReader;
import org.confluentcollective.server.api.ZnodeStat;
import org.confluentcollective.server.api.ZnodeTree;
import org.confluentcollective.web.auth.Allowed;
import org.confluentcollective.web.auth.Permission;

/**
 * {@code /zookeeper/}: zkCli-style reads of any znode ({@code ls}, {@code get}, {@code stat},
 * {@code tree}), for debugging; administrators only, secrets masked. The znode path is the
 * {@code path} query parameter. Answers come from ZooKeeper itself, so without a quorum they
 * fail with 503 rather than show a stale copy.
 */
@Path("zookeeper")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Permission.ADMINISTER)
@Singleton
public final class ZooKeeperResource {

    /** Paths listed by {@code tree} without {@code ?limit=}. */
    static final int DEFAULT_TREE_LIMIT = 1000;

    private final ZnodeReader inspector;

    @Inject
    public ZooKeeperResource(ZnodeReader inspector) {
        this.inspector = inspector;
    }

    @GET
    @Path("ls")
    public ObjectNode ls(@QueryParam("path") String path) {
        ArrayNode children = JsonNodeFactory.instance.arrayNode();
        inspector.children(required(path)).forEach(children::add);
        ObjectNode json = answer(path);
        json.set("children", children);
        return json;
    }

    @GET
    @Path("get")
    public ObjectNode get(@QueryParam("path") String path) {
        Znode znode = inspector.get(required(path));
        ObjectNode json = answer(path);
        if (znode.data() == null) {
            json.putNull("data");
        } else {
            json.put("data", znode.data());
        }
        json.set("stat", stat(znode.stat()));
        return json;
    }

    @GET
    @Path("stat")
    public ObjectNode stat(@QueryParam("path") String path) {
        ZnodeStat stat = inspector.stat(required(path));
        ObjectNode json = answer(path);
        json.set("stat", stat(stat));
        return json;
    }

    @GET
    @Path("tree")
    public ObjectNode tree(@QueryParam("path") String path, @QueryParam("limit") String limit) {
        int maxEntries = limit(limit);
        ZnodeTree tree = inspector.tree(required(path), maxEntries);
        ObjectNode json = answer(path);
        json.put("limit", maxEntries);
        ArrayNode paths = json.putArray("paths");
        tree.paths().forEach(paths::add);
        json.put("truncated", tree.truncated());
        return json;
    }

    private static String required(String path) {
        if (path == null) {
            throw RequestException.badRequest("give the znode path as ?path=, e.g. ?path=/confluent/v1");
        }
        return path;
    }

    private static ObjectNode answer(String path) {
        return JsonNodeFactory.instance.objectNode().put("path", path);
    }

    /** Zxids and session ids in hex as zkCli shows them (a session id does not fit a JSON double). */
    private static ObjectNode stat(ZnodeStat stat) {
        return JsonNodeFactory.instance.objectNode()
                .put("czxid", hex(stat.czxid()))
                .put("mzxid", hex(stat.mzxid()))
                .put("pzxid", hex(stat.pzxid()))
                .put("ctime", stat.ctime())
                .put("mtime", stat.mtime())
                .put("version", stat.version())
                .put("cversion", stat.cversion())
                .put("aversion", stat.aversion())
                .put("ephemeralowner", hex(stat.ephemeralOwner()))
                .put("datalength", stat.dataLength())
                .put("numchildren", stat.numChildren());
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_TREE_LIMIT;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RequestException.badRequest("the limit must be a number between 1 and "
                    + ZnodeReader.MAX_TREE_ENTRIES + ", not '" + text + "'");
        }
    }
}
