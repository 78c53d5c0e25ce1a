package org.confluentcollective.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A real confluentd (embedded ZooKeeper included) in a temporary directory, and clients for it. */
final class DaemonFixture implements AutoCloseable {

    final Confluentd daemon;
    final ApiClient socket;
    /** HTTPS without credentials; {@link ApiClient#as} adds them. */
    final ApiClient https;

    private DaemonFixture(Confluentd daemon) throws Exception {
        this.daemon = daemon;
        this.socket = ApiClient.socket(daemon.socketPath());
        this.https = ApiClient.https(daemon.httpsPort(), daemon.fingerprint(), null, null);
    }

    static DaemonFixture start(Path stateDir) throws Exception {
        return start(DaemonConfig.builder(stateDir, "m1").build());
    }

    static DaemonFixture start(DaemonConfig config) throws Exception {
        return new DaemonFixture(Confluentd.start(config));
    }

    /** Every node's and group's {@code attributes/all}, as the API shows them (via the socket). */
    Map<String, JsonNode> dump() throws Exception {
        Map<String, JsonNode> all = new TreeMap<>();
        for (JsonNode item : socket.get("/nodes/").json().path("_links").path("item")) {
            String node = item.get("href").asText();
            all.put("node " + node, socket.get("/nodes/" + node + "attributes/all").json());
        }
        for (JsonNode item : socket.get("/nodegroups/").json().path("_links").path("item")) {
            String group = item.get("href").asText();
            all.put("group " + group, socket.get("/nodegroups/" + group + "attributes/all").json());
        }
        for (JsonNode item : socket.get("/users/").json().path("_links").path("item")) {
            String user = item.get("href").asText();
            all.put("user " + user, socket.get("/users/" + user).json());
        }
        return all;
    }

    @Override
    public void close() throws Exception {
        try {
            https.close();
            socket.close();
        } finally {
            daemon.close();
        }
    }
}
