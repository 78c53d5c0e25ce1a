package org.confluentcollective.server.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.ZooKeeper;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.ZooKeeperSettings;

/**
 * A real single-member database: an embedded ZooKeeper peer and a MemberStore on a state dir
 * (public for the tests of services over the database, such as deployment's index).
 */
public final class DatabaseFixture implements AutoCloseable {

    private final Path dir;
    private EmbeddedZooKeeper zk;
    private MemberStore store;

    public DatabaseFixture(Path dir) throws IOException {
        this.dir = dir;
        start();
    }

    void start() throws IOException {
        zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir.resolve("zookeeper")));
        store = openStore();
    }

    /** A second connection (its own ZooKeeper session), as another member's database would have. */
    MemberStore openStore() throws IOException {
        return MemberStore.open(MemberStoreSettings.of(zk.connectString(), dir.resolve("state"))
                .withPasswordIterations(1_000));
    }

    /** Where a raw ZooKeeper client of this fixture's server connects. */
    String connectString() {
        return zk.connectString();
    }

    /** Stops only the ZooKeeper peer: the store stays up, without a quorum. */
    public void stopZooKeeper() {
        zk.close();
    }

    /** Starts the ZooKeeper peer again on the same directory (and so the same ports). */
    void startZooKeeper() throws IOException {
        zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir.resolve("zookeeper")));
    }

    void restart() throws IOException {
        close();
        start();
    }

    public NodeDatabase db() {
        return store.nodes();
    }

    public MemberStore store() {
        return store;
    }

    /** Every znode under the root with its raw data, as a ZooKeeper dump would show it. */
    Map<String, String> rawDump() throws Exception {
        Map<String, String> dump = new TreeMap<>();
        try (ZooKeeper client = new ZooKeeper(zk.connectString(), 10_000, event -> { })) {
            List<String> pending = new ArrayList<>(List.of("/confluent"));
            while (!pending.isEmpty()) {
                String path = pending.remove(pending.size() - 1);
                byte[] data = client.getData(path, false, null);
                dump.put(path, data == null ? "" : new String(data, StandardCharsets.UTF_8));
                for (String child : client.getChildren(path, false)) {
                    pending.add(path + "/" + child);
                }
            }
        }
        return dump;
    }

    /** Everything a reader can see: every node's and group's attributes. */
    Map<String, Object> viewDump() {
        Map<String, Object> dump = new TreeMap<>();
        for (String node : db().nodes()) {
            dump.put("node:" + node, db().nodeAttributes(node, AttributeSelection.current()));
        }
        for (String group : db().groups()) {
            dump.put("group:" + group, db().groupAttributes(group, AttributeSelection.current()));
        }
        return dump;
    }

    public static Map<String, AttributeInput> text(String... pairs) {
        Map<String, AttributeInput> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], new AttributeInput.Text(pairs[i + 1]));
        }
        return map;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (zk != null) {
            zk.close();
        }
    }
}
