package org.confluentcollective.server;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.confluentcollective.server.attributes.AttributeCatalog;
import java.time.Clock;
import org.confluentcollective.server.collective.Collective;
import org.confluentcollective.server.collective.Invitations;
import org.confluentcollective.server.collective.MemberDirectory;
import org.confluentcollective.server.collective.MemberPins;
import org.confluentcollective.server.collective.Membership;
import org.confluentcollective.server.collective.CollectivePaths;
import org.confluentcollective.server.api.ManagerAssignment;
import org.confluentcollective.server.api.QuorumStatus;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.DatabaseArchive;
import org.confluentcollective.server.database.ZkDatabase;
import org.confluentcollective.server.database.ZnodeLayout;
import org.confluentcollective.server.failover.ManagerFailover;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.server.secrets.CollectiveKey;
import org.confluentcollective.server.secrets.SecretCipher;
import org.confluentcollective.server.users.PasswordHasher;
import org.confluentcollective.server.api.UserDirectory;

/**
 * A member's view of the collective's data: connects to the member's ZooKeeper peer, loads
 * the database into memory and keeps it there. Close it to disconnect.
 */
public final class MemberStore implements AutoCloseable {

    private final CuratorFramework curator;
    private final ZkDatabase database;
    private final Collective collective;
    private final Invitations invitations;
    private final Membership membership;
    private final MemberPins pins;
    private final ManagerFailover failover;
    private final MemberDirectory directory;
    private final DatabaseArchive archive;

    private MemberStore(CuratorFramework curator, ZkDatabase database, Collective collective, Invitations invitations,
                        Membership membership, MemberPins pins, ManagerFailover failover, MemberDirectory directory,
                        DatabaseArchive archive) {
        this.curator = curator;
        this.database = database;
        this.collective = collective;
        this.invitations = invitations;
        this.membership = membership;
        this.pins = pins;
        this.failover = failover;
        this.directory = directory;
        this.archive = archive;
    }

    public static MemberStore open(MemberStoreSettings settings) throws IOException {
        CollectiveKey key = CollectiveKey.loadOrCreate(settings.stateDir());
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(settings.connectString())
                // Each member talks to its own peer only: its quorum view is its lock-down state.
                .ensembleTracker(false)
                .sessionTimeoutMs((int) settings.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) Math.min(15_000, settings.sessionTimeout().toMillis()))
                .retryPolicy(new ExponentialBackoffRetry(200, 10, 5_000));
        if (settings.clientConfig() != null) {
            builder.zkClientConfig(settings.clientConfig());
        }
        CuratorFramework curator = builder.build();
        curator.start();
        try {
            if (!curator.blockUntilConnected(60, TimeUnit.SECONDS)) {
                throw new IOException("cannot connect to ZooKeeper at " + settings.connectString());
            }
            ZnodeLayout layout = ZnodeLayout.standard();
            ZkDatabase database = ZkDatabase.open(curator, layout, AttributeCatalog.standard(),
                    new SecretCipher(key), new PasswordHasher(settings.passwordIterations()));
            CollectivePaths paths = CollectivePaths.under(layout.root());
            MemberDirectory directory = new MemberDirectory(curator, paths, settings.member().name());
            Collective collective = new Collective(curator, paths, settings.member(), database.quorum(),
                    database.nodes(), settings.zooKeeperPeer(), directory);
            MemberPins pins = settings.memberTrust() == null ? null : new MemberPins(curator, paths,
                    settings.memberTrust(), settings.member().fingerprint(), settings.stateDir());
            try {
                collective.start();
                if (pins != null) {
                    pins.start();
                }
            } catch (Exception e) {
                if (pins != null) {
                    pins.close();
                }
                collective.close();
                database.close();
                throw e;
            }
            Invitations invitations = new Invitations(curator, paths, database.quorum(), key,
                    settings.member().version(), Clock.systemUTC());
            Membership membership = new Membership(curator, paths, database.quorum(), settings.member().name(),
                    settings.maxVoters());
            ManagerFailover failover = new ManagerFailover(database.nodes(), collective, database.quorum(),
                    new NodeRanges(AttributeCatalog.standard()), settings.failoverBatch());
            failover.start();
            directory.start();
            return new MemberStore(curator, database, collective, invitations, membership, pins, failover,
                    directory, database.archive(settings.member().name()));
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

    /** Online dump and restore of the database, import of the original's dumps. */
    public DatabaseArchive archive() {
        return archive;
    }

    /** This member's view of the collective: members, liveness, leader, quorum. */
    public Collective collective() {
        return collective;
    }

    /** Who manages which node: unmanaged nodes, rebalance (failover itself runs on its own). */
    public ManagerAssignment managers() {
        return failover;
    }

    /** Pending invitations: issue one, admit a joiner that proves one. */
    public Invitations invitations() {
        return invitations;
    }

    /** Ensemble membership changes: admit, delete, recover. */
    public Membership membership() {
        return membership;
    }

    /** Where each member is reached and whether it is live, for routing node operations. */
    public MemberDirectory directory() {
        return directory;
    }

    /** The ZooKeeper client, for read-only inspection of the raw tree. */
    public CuratorFramework curator() {
        return curator;
    }

    /** Lock-down: whether this member reaches a quorum and may change the database. */
    public QuorumStatus quorum() {
        return database.quorum();
    }

    @Override
    public void close() {
        directory.close();
        failover.close();
        if (pins != null) {
            pins.close();
        }
        collective.close();
        database.close();
        curator.close();
    }
}
