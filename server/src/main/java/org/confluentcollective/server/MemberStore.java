package org.confluentcollective.server;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.collective.Collective;
import org.confluentcollective.server.collective.CollectivePaths;
import org.confluentcollective.server.collective.QuorumStatus;
import org.confluentcollective.server.database.NodeDatabase;
import org.confluentcollective.server.database.ZkDatabase;
import org.confluentcollective.server.database.ZnodeLayout;
import org.confluentcollective.server.secrets.CollectiveKey;
import org.confluentcollective.server.secrets.SecretCipher;
import org.confluentcollective.server.users.PasswordHasher;
import org.confluentcollective.server.users.UserDirectory;

/**
 * A member's view of the collective's data: connects to the member's ZooKeeper peer, loads
 * the database into memory and keeps it there. Close it to disconnect.
 */
public final class MemberStore implements AutoCloseable {

    private final CuratorFramework curator;
    private final ZkDatabase database;
    private final Collective collective;

    private MemberStore(CuratorFramework curator, ZkDatabase database, Collective collective) {
        this.curator = curator;
        this.database = database;
        this.collective = collective;
    }

    public static MemberStore open(MemberStoreSettings settings) throws IOException {
        CollectiveKey key = CollectiveKey.loadOrCreate(settings.stateDir());
        CuratorFramework curator = CuratorFrameworkFactory.builder()
                .connectString(settings.connectString())
                .sessionTimeoutMs((int) settings.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) Math.min(15_000, settings.sessionTimeout().toMillis()))
                .retryPolicy(new ExponentialBackoffRetry(200, 10, 5_000))
                .build();
        curator.start();
        try {
            if (!curator.blockUntilConnected(60, TimeUnit.SECONDS)) {
                throw new IOException("cannot connect to ZooKeeper at " + settings.connectString());
            }
            ZnodeLayout layout = ZnodeLayout.standard();
            ZkDatabase database = ZkDatabase.open(curator, layout, AttributeCatalog.standard(),
                    new SecretCipher(key), new PasswordHasher(settings.passwordIterations()));
            Collective collective = new Collective(curator, CollectivePaths.under(layout.root()), settings.member(),
                    database.quorum(), database.nodes());
            try {
                collective.start();
            } catch (Exception e) {
                collective.close();
                database.close();
                throw e;
            }
            return new MemberStore(curator, database, collective);
        } catch (IOException | RuntimeException e) {
            curator.close();
            throw e;
        } catch (Exception e) {
            curator.close();
            throw new IOException("cannot open the database: " + e.getMessage(), e);
        }
    }

    public NodeDatabase nodes() {
        return database.nodes();
    }

    public UserDirectory users() {
        return database.users();
    }

    /** This member's view of the collective: members, liveness, leader, quorum. */
    public Collective collective() {
        return collective;
    }

    /** Lock-down: whether this member reaches a quorum and may change the database. */
    public QuorumStatus quorum() {
        return database.quorum();
    }

    @Override
    public void close() {
        collective.close();
        database.close();
        curator.close();
    }
}
