package org.confluentcollective.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.hardware.HardwareService;
import org.confluentcollective.hardware.bmc.BmcConnector;
import org.confluentcollective.hardware.ipmi.IpmiBmcConnector;
import org.confluentcollective.hardware.redfish.RedfishConnector;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.collective.LocalMembership;
import org.confluentcollective.server.collective.MemberInfo;
import org.confluentcollective.server.collective.MemberRole;
import org.confluentcollective.server.database.NodeDatabase;
import org.confluentcollective.server.inspect.ZnodeInspector;
import org.confluentcollective.server.lifecycle.Lifecycle;
import org.confluentcollective.server.routing.RequestRouter;
import org.confluentcollective.server.secrets.PrivateFiles;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.server.trust.PinnedTrustManager;
import org.confluentcollective.server.users.UserDirectory;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.channel.HttpsMemberChannel;
import org.confluentcollective.web.channel.HttpsMemberForwarder;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.confluentcollective.zk.PeerTls;
import org.confluentcollective.zk.QuorumServer;
import org.confluentcollective.zk.ZooKeeperSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * confluentd: one member of the collective, composed of its parts in start order: the embedded
 * ZooKeeper peer, the store on it (database and collective), then the services (the APIs; DHCP,
 * TFTP and hardware management plug in the same way). They close in reverse order. A join or a
 * recovery that the last run prepared is finished on the way ({@link LocalMembership}).
 */
public final class Confluentd implements AutoCloseable {

    public static final String VERSION = "0.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(Confluentd.class);
    private static final int ZOOKEEPER_TICK_MILLIS = 1000;
    /** What a forwarded share may take beyond its nodes' own deadline: the hop and the manager's queue. */
    private static final Duration FORWARDING_MARGIN = Duration.ofSeconds(5);

    /**
     * PLACEHOLDER until hardware management is merged (the integrator replaces it where the API
     * is built): the node operations' paths exist, and every node answers 501.
     */
    private final Lifecycle parts = new Lifecycle();
    private final MemberIdentity identity;
    private final ZooKeeperPeer zooKeeper;
    private final MemberStore store;
    private final RequestRouter nodeOperations;
    private final ApiServer api;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean restartRequested = new AtomicBoolean();

    private Confluentd(DaemonConfig config) throws Exception {
        try {
            Path stateDir = config.stateDir();
            PrivateFiles.createDirectory(stateDir);
            PrivateFiles.restrictTree(stateDir);
            identity = MemberIdentity.loadOrCreate(stateDir, config.memberName(), List.of(config.memberName()),
                    List.of());
            char[] password = randomPassword();
            PinnedTrustManager trust = new PinnedTrustManager();

            ZooKeeperPeer peer = new ZooKeeperPeer(new ZooKeeperSettings(stateDir.resolve("zookeeper"), 1,
                    config.zooKeeperAddress(), config.zooKeeperClientPort(), config.zooKeeperQuorumPort(),
                    config.zooKeeperElectionPort(), ZOOKEEPER_TICK_MILLIS,
                    new PeerTls(identity.keyStore(password), password, trust)));
            LocalMembership.Startup startup = LocalMembership.beforePeerStarts(stateDir, config.memberName(),
                    identity.fingerprint(), peer);
            startup.pins(identity.fingerprint()).forEach(trust::pin);
            zooKeeper = parts.start("ZooKeeper peer", peer::start);

            QuorumServer own = startup.ownServer(zooKeeper, config.zooKeeperAddress());
            MemberInfo self = new MemberInfo(startup.name(), config.zooKeeperAddress(),
                    MemberRole.of(own.role()), identity.fingerprint(), VERSION, own.id(),
                    config.httpsPort(), config.memberPort());
            store = parts.start("store", () -> MemberStore.open(
                    MemberStoreSettings.of(zooKeeper.connectString(), stateDir)
                            .withMember(self)
                            .withTls(zooKeeper.clientConfig(), trust)
                            .withMaxVoters(config.maxVoters())
                            .withFailoverBatch(config.failoverBatch())
                            .withZooKeeperPeer(zooKeeper::state)));
            startup.afterStoreOpens(store.membership(), self, own);

            // Node operations: this member's nodes through their BMCs, the others forwarded to their managers.
            BmcConnector ipmi = parts.start("IPMI", IpmiBmcConnector::new);
            BmcConnector redfish = parts.start("Redfish", () -> new RedfishConnector(new ObjectMapper()));
            HardwareService hardware = parts.start("hardware management", () -> new HardwareService(store.nodes(),
                    Map.of("ipmi", ipmi, "redfish", redfish), config.hardware()));
            nodeOperations = parts.start("request routing", () -> new RequestRouter(hardware, store.nodes(),
                    store.directory(), new HttpsMemberForwarder(identity),
                    config.hardware().nodeTimeout().plus(FORWARDING_MARGIN)));

            LocalMembership local = new LocalMembership(stateDir, store.collective(), store.quorum(), zooKeeper,
                    new HttpsMemberChannel(identity), VERSION);
            api = parts.start("API", () -> ApiServer.start(
                    new ApiServerSettings(config.httpsAddress(), config.httpsPort(), config.socketPath(),
                            new TlsIdentity(identity.keyStore(password), password), config.zooKeeperAddress(),
                            config.memberPort(), trust),
                    ports -> new ApiApplication(store.nodes(), store.users(), store.quorum(), store.collective(),
                            new MemberAdministration(config.zooKeeperAddress(), identity, store, local, zooKeeper,
                                    ports, this::restart),
                            store.managers(), new ZnodeInspector(store.curator()), nodeOperations, VERSION)));

            // A dropped pin (a deleted member, a replaced certificate) also ends its open member API
            // connections and ZooKeeper client sessions (the trust manager closes quorum ones itself).
            trust.onUnpin(revoked -> {
                api.closeUntrustedMemberConnections();
                zooKeeper.closeUntrustedClientConnections();
            });

            LOG.info("confluentd {} member {} serving https://{}:{}/, the member API on {}:{} and {} "
                            + "with certificate {}", VERSION, startup.name(), config.httpsAddress(), api.httpsPort(),
                    config.zooKeeperAddress(), api.memberPort(), api.socketPath(), identity.fingerprint());
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
    public static Confluentd start(DaemonConfig config) throws Exception {
        return new Confluentd(config);
    }

    /**
     * Closes this member so that main starts it again. Called once the answer that announced it
     * is written, on an API thread, which closing the API waits for: so on a thread of its own.
     */
    void restart() {
        restartRequested.set(true);
        new Thread(() -> {
            try {
                close();
            } catch (Exception e) {
                LOG.error("confluentd did not stop cleanly before restarting", e);
            }
        }, "confluentd-restart").start();
    }

    public int httpsPort() {
        return api.httpsPort();
    }

    public Path socketPath() {
        return api.socketPath();
    }

    /** This member's certificate fingerprint ({@code sha256:<hex>}), what clients pin. */
    public String fingerprint() {
        return identity.fingerprint();
    }

    public NodeDatabase database() {
        return store.nodes();
    }

    public UserDirectory users() {
        return store.users();
    }

    /** The embedded ZooKeeper's client address (benchmarks compare against raw ZooKeeper). */
    public String zooKeeperConnectString() {
        return zooKeeper.connectString();
    }

    /** TLS settings for a raw ZooKeeper client of this member (benchmarks). */
    public ZKClientConfig zooKeeperClientConfig() {
        return zooKeeper.clientConfig();
    }

    public int memberPort() {
        return api.memberPort();
    }

    /** Closes the API, the store and ZooKeeper, in that order; later calls do nothing. */
    @Override
    public synchronized void close() throws Exception {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            parts.close();
        } finally {
            closed.countDown();
            LOG.info("confluentd stopped");
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

    /**
     * {@code confluentd [--config PATH] [--recover-alone]}. {@code --recover-alone} is
     * {@code collective recover --force} for a survivor that cannot even start, because a member
     * only serves once it reaches a quorum: it starts as a collective of one from its own copy.
     */
    public static void main(String[] args) {
        Optional<Path> configFile;
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean recoverAlone = arguments.remove("--recover-alone");
        try {
            configFile = configFile(arguments.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("confluentd: " + e.getMessage());
            System.err.println("usage: confluentd [--config PATH] [--recover-alone]");
            System.exit(2);
            return;
        }
        DaemonConfig config;
        try {
            config = DaemonProperties.toConfig(DaemonProperties.load(configFile, System.getProperties()));
        } catch (RuntimeException e) {
            System.err.println("confluentd: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (recoverAlone) {
            PrivateFiles.createDirectory(config.stateDir());
            LocalMembership.markRecovery(config.stateDir());
        }
        AtomicReference<Confluentd> current = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Confluentd daemon = current.get();
            if (daemon != null) {
                try {
                    daemon.close();
                } catch (Exception e) {
                    LOG.error("confluentd did not stop cleanly", e);
                }
            }
        }, "confluentd-shutdown"));
        boolean restart = true;
        while (restart) {
            try {
                current.set(start(config));
            } catch (Exception e) {
                LOG.error("confluentd could not start: {}", e.toString(), e);
                System.exit(1);
                return;
            }
            try {
                restart = current.get().awaitClosed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (restart) {
                LOG.info("confluentd restarting");
            }
        }
    }

    private static Optional<Path> configFile(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args.length == 2 && args[0].equals("--config")) {
            return Optional.of(Path.of(args[1]));
        }
        if (args.length == 1 && args[0].startsWith("--config=")) {
            return Optional.of(Path.of(args[0].substring("--config=".length())));
        }
        throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", args));
    }
}
