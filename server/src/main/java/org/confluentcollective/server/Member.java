package org.confluentcollective.server;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.server.api.CollectiveAdministration;
import org.confluentcollective.server.api.CollectiveView;
import org.confluentcollective.server.api.DeploymentProfiles;
import org.confluentcollective.server.api.DeploymentView;
import org.confluentcollective.server.api.ManagerAssignment;
import org.confluentcollective.server.api.MemberChannel;
import org.confluentcollective.server.api.MemberCredentials;
import org.confluentcollective.server.api.MemberForwarder;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberPart;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.api.DatabaseArchive;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.NodeDeployment;
import org.confluentcollective.server.api.NodeHandler;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.QuorumStatus;
import org.confluentcollective.server.api.RunningMember;
import org.confluentcollective.server.api.UserDirectory;
import org.confluentcollective.server.api.ZnodeReader;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.collective.LocalMembership;
import org.confluentcollective.server.deploy.DeploymentIndex;
import org.confluentcollective.server.deploy.NodeDeployer;
import org.confluentcollective.server.deploy.ProfileLibrary;
import org.confluentcollective.server.inspect.ZnodeInspector;
import org.confluentcollective.server.lifecycle.Lifecycle;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.server.routing.RequestRouter;
import org.confluentcollective.server.secrets.PrivateFiles;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.server.trust.PinnedTrustManager;
import org.confluentcollective.zk.PeerTls;
import org.confluentcollective.zk.QuorumServer;
import org.confluentcollective.zk.ZooKeeperSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the collective, composed of its parts in start order (a {@link Lifecycle}): its
 * identity, the embedded ZooKeeper peer (through zk-embedded), the store on it (database and
 * collective), then the parts given from outside: the hardware service (its node handler),
 * request routing over it, and the services (the API; DHCP and TFTP plug in the same way). They
 * close in reverse order. A join or a recovery that the last run prepared is finished on the way
 * ({@link LocalMembership}).
 */
public final class Member implements RunningMember, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Member.class);
    private static final int ZOOKEEPER_TICK_MILLIS = 1000;

    /**
     * What the member is given from outside: how it talks to other members (the join's channel,
     * the forwarding of node operations), its hardware service and its services, in start order.
     */
    public record Parts(Function<MemberCredentials, MemberChannel> channel,
                        Function<MemberCredentials, MemberForwarder> forwarder,
                        MemberPart<? extends NodeHandler> hardware,
                        List<MemberPart<?>> services) {

        public Parts {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(forwarder, "forwarder");
            Objects.requireNonNull(hardware, "hardware");
            services = List.copyOf(services);
        }
    }

    private final Lifecycle parts = new Lifecycle();
    private final MemberSettings settings;
    private final PinnedTrustManager trust = new PinnedTrustManager();
    private final MemberIdentity identity;
    private final String name;
    private final ZooKeeperPeer zooKeeper;
    private final MemberStore store;
    private final ZnodeReader znodes;
    private final LocalMembership local;
    private final DeploymentView deploymentView;
    private final DeploymentProfiles profiles;
    private final NodeDeployment deployment;
    private volatile RequestRouter nodeOperations;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean restartRequested = new AtomicBoolean();

    private Member(MemberSettings settings, Parts given) throws Exception {
        this.settings = settings;
        try {
            Path stateDir = settings.stateDir();
            PrivateFiles.createDirectory(stateDir);
            PrivateFiles.restrictTree(stateDir);
            identity = MemberIdentity.loadOrCreate(stateDir, settings.name(), List.of(settings.name()), List.of());
            char[] password = randomPassword();

            ZooKeeperPeer peer = new ZooKeeperPeer(new ZooKeeperSettings(stateDir.resolve("zookeeper"), 1,
                    settings.address(), settings.zooKeeperClientPort(), settings.zooKeeperQuorumPort(),
                    settings.zooKeeperElectionPort(), ZOOKEEPER_TICK_MILLIS,
                    new PeerTls(identity.keyStore(password), password, trust)));
            LocalMembership.Startup startup = LocalMembership.beforePeerStarts(stateDir, settings.name(),
                    identity.fingerprint(), peer);
            startup.pins(identity.fingerprint()).forEach(trust::pin);
            name = startup.name();
            zooKeeper = parts.start("ZooKeeper peer", peer::start);

            QuorumServer own = startup.ownServer(zooKeeper, settings.address());
            MemberInfo self = new MemberInfo(startup.name(), settings.address(), MemberRole.of(own.role()),
                    identity.fingerprint(), settings.version(), own.id(), settings.httpsPort(),
                    settings.memberPort());
            store = parts.start("store", () -> MemberStore.open(
                    MemberStoreSettings.of(zooKeeper.connectString(), stateDir)
                            .withMember(self)
                            .withTls(zooKeeper.clientConfig(), trust)
                            .withMaxVoters(settings.maxVoters())
                            .withFailoverBatch(settings.failoverBatch())
                            .withZooKeeperPeer(zooKeeper::state)));
            startup.afterStoreOpens(store.membership(), self, own);
            znodes = new ZnodeInspector(store.curator());
            local = new LocalMembership(stateDir, store.collective(), store.quorum(), zooKeeper,
                    given.channel().apply(identity), settings.version());
            // A dropped pin (a deleted member, a replaced certificate) also ends its ZooKeeper client
            // sessions (the trust manager closes quorum ones itself); transports add their own.
            trust.onUnpin(revoked -> zooKeeper.closeUntrustedClientConnections());

            deploymentView = new DeploymentIndex(store.nodes(), name, store.collective()::liveMembers,
                    new NodeRanges(AttributeCatalog.standard()));
            profiles = new ProfileLibrary(settings.deployRoot());
            deployment = new NodeDeployer(store.nodes(), profiles, Clock.systemUTC(), new SecureRandom());

            // Node operations: this member's nodes through the hardware service, the others
            // forwarded to their managers.
            NodeHandler hardware = given.hardware().start(this);
            nodeOperations = parts.start("request routing", () -> new RequestRouter(hardware, store.nodes(),
                    store.directory(), given.forwarder().apply(identity), settings.forwardingTimeout()));

            for (MemberPart<?> service : given.services()) {
                service.start(this);
            }
        } catch (Exception | Error e) {
            // A part that failed to start closed the others; a failure between parts has not yet.
            try {
                parts.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Starts a member, first finishing a join or a recovery its last run prepared; on failure
     * whatever had started is closed again.
     */
    public static Member start(MemberSettings settings, Parts parts) throws Exception {
        return new Member(settings, parts);
    }

    /**
     * Makes the next start of the member in {@code stateDir} a recovery: a collective of one from
     * its own copy ({@code confluentd --recover-alone}).
     */
    public static void markRecovery(Path stateDir) {
        PrivateFiles.createDirectory(stateDir);
        LocalMembership.markRecovery(stateDir);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return settings.version();
    }

    @Override
    public MemberCredentials credentials() {
        return identity;
    }

    @Override
    public X509ExtendedTrustManager memberTrust() {
        return trust;
    }

    @Override
    public void onUnpin(Runnable action) {
        trust.onUnpin(revoked -> action.run());
    }

    @Override
    public NodeDatabase nodes() {
        return store.nodes();
    }

    @Override
    public UserDirectory users() {
        return store.users();
    }

    @Override
    public DatabaseArchive archive() {
        return store.archive();
    }

    @Override
    public QuorumStatus quorum() {
        return store.quorum();
    }

    @Override
    public CollectiveView collective() {
        return store.collective();
    }

    @Override
    public ManagerAssignment managers() {
        return store.managers();
    }

    @Override
    public ZnodeReader znodes() {
        return znodes;
    }

    @Override
    public DeploymentView deploymentView() {
        return deploymentView;
    }

    @Override
    public DeploymentProfiles profiles() {
        return profiles;
    }

    @Override
    public NodeDeployment deployment() {
        return deployment;
    }

    @Override
    public NodeOperations nodeOperations() {
        RequestRouter router = nodeOperations;
        if (router == null) {
            throw new IllegalStateException("node operations are routed only once the hardware service runs");
        }
        return router;
    }

    @Override
    public CollectiveAdministration administration(int httpsPort, int memberPort) {
        return new MemberAdministration(settings.address(), identity, store, local, zooKeeper, httpsPort, memberPort,
                this::restart);
    }

    @Override
    public <T extends AutoCloseable> T start(String partName, Starter<T> starter) throws Exception {
        return parts.start(partName, starter::start);
    }

    /** The embedded ZooKeeper's client address (benchmarks compare against raw ZooKeeper). */
    public String zooKeeperConnectString() {
        return zooKeeper.connectString();
    }

    /** TLS settings for a raw ZooKeeper client of this member (benchmarks). */
    public ZKClientConfig zooKeeperClientConfig() {
        return zooKeeper.clientConfig();
    }

    /**
     * Closes this member so that it starts again. Called once the answer that announced it is
     * written, on an API thread, which closing the API waits for: so on a thread of its own.
     */
    @Override
    public void restart() {
        restartRequested.set(true);
        new Thread(() -> {
            try {
                close();
            } catch (Exception e) {
                LOG.error("the member did not stop cleanly before restarting", e);
            }
        }, "confluentd-restart").start();
    }

    /** Closes the services, routing, hardware, the store and ZooKeeper, in that order; later calls do nothing. */
    @Override
    public synchronized void close() throws Exception {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            parts.close();
        } finally {
            closed.countDown();
            LOG.info("member {} stopped", name);
        }
    }

    /**
     * Blocks until {@link #close()} has finished.
     *
     * @return whether the member closed to restart (after a join or a recovery)
     */
    public boolean awaitClosed() throws InterruptedException {
        closed.await();
        return restartRequested.get();
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }
}
