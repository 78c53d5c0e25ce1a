package org.confluentcollective.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.server.collective.Enrollment;
import org.confluentcollective.server.collective.JoinClient;
import org.confluentcollective.server.collective.MemberPins;
import org.confluentcollective.server.collective.PendingJoin;
import org.confluentcollective.server.inspect.ZnodeInspector;
import org.confluentcollective.server.secrets.CollectiveKey;
import org.confluentcollective.server.trust.PinnedTrustManager;
import org.confluentcollective.zk.PeerTls;
import org.confluentcollective.zk.QuorumServer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.collective.MemberInfo;
import org.confluentcollective.server.database.NodeDatabase;
import org.confluentcollective.server.secrets.PrivateFiles;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.server.users.UserDirectory;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.ZooKeeperSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * confluentd: one member of the collective. Starts the embedded ZooKeeper peer, the replicated
 * store on it, the member's TLS identity and the REST API, and closes them in reverse order.
 */
public final class Confluentd implements AutoCloseable {

    public static final String VERSION = "0.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(Confluentd.class);
    private static final int ZOOKEEPER_TICK_MILLIS = 1000;
    private static final String NAME_FILE = "member.name";
    private static final String RECOVER_MARKER = "recover-alone";

    private final Deque<AutoCloseable> running;
    private final MemberStore store;
    private final ApiServer api;
    private final String fingerprint;
    private final EmbeddedZooKeeper zooKeeper;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean restartRequested = new AtomicBoolean();

    private Confluentd(Deque<AutoCloseable> running, MemberStore store, ApiServer api, String fingerprint,
                       EmbeddedZooKeeper zooKeeper) {
        this.running = running;
        this.store = store;
        this.api = api;
        this.fingerprint = fingerprint;
        this.zooKeeper = zooKeeper;
    }

    /**
     * Starts a member, first finishing a join or a recovery its last run prepared; on failure
     * whatever had started is closed again.
     */
    public static Confluentd start(DaemonConfig config) throws Exception {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            Path stateDir = config.stateDir();
            PrivateFiles.createDirectory(stateDir);
            MemberIdentity identity = MemberIdentity.loadOrCreate(stateDir, config.memberName(),
                    List.of(config.memberName()), List.of());
            String name = savedName(stateDir).orElse(config.memberName());
            Optional<PendingJoin> pending = PendingJoin.load(stateDir);
            boolean recovering = Files.exists(stateDir.resolve(RECOVER_MARKER));

            char[] password = randomPassword();
            PinnedTrustManager trust = new PinnedTrustManager();
            Path zooKeeperDir = MemberAdministration.zooKeeperDir(stateDir);
            ZooKeeperSettings zooKeeperSettings = new ZooKeeperSettings(zooKeeperDir, 1, config.zooKeeperAddress(),
                    config.zooKeeperClientPort(), config.zooKeeperQuorumPort(), config.zooKeeperElectionPort(),
                    ZOOKEEPER_TICK_MILLIS, new PeerTls(identity.keyStore(password), password, trust));
            Optional<QuorumServer> joining = Optional.empty();
            if (pending.isPresent()) {
                Enrollment enrollment = pending.get().enrollment();
                JoinClient.Endpoints endpoints = pending.get().endpoints();
                name = enrollment.name();
                saveName(stateDir, name);
                CollectiveKey.replace(stateDir, enrollment.collectiveKey());
                List<String> pins = new ArrayList<>(List.of(identity.fingerprint()));
                enrollment.members().forEach(m -> pins.add(m.fingerprint()));
                MemberPins.save(stateDir, pins);
                zooKeeperSettings = zooKeeperSettings.withServer(enrollment.serverId(), endpoints.clientPort(),
                        endpoints.quorumPort(), endpoints.electionPort());
                EmbeddedZooKeeper.prepareJoin(zooKeeperSettings, enrollment.ensemble().stream()
                        .map(QuorumServer::parse).flatMap(Optional::stream).toList());
                joining = Optional.of(new QuorumServer(enrollment.serverId(), config.zooKeeperAddress(),
                        endpoints.quorumPort(), endpoints.electionPort(), QuorumServer.OBSERVER, ""));
                LOG.info("joining the collective as {} (ZooKeeper server {})", name, enrollment.serverId());
            } else if (recovering) {
                EmbeddedZooKeeper.prepareRecovery(zooKeeperDir);
            }
            trust.pin(identity.fingerprint());
            if (!recovering) {
                MemberPins.saved(stateDir).forEach(trust::pin);
            }

            EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(zooKeeperSettings);
            running.push(zooKeeper);
            QuorumServer own = joining.isPresent() ? joining.get() : EmbeddedZooKeeper.existingServer(zooKeeperDir)
                    .orElseThrow(() -> new IllegalStateException("the ZooKeeper peer wrote no configuration"));

            MemberInfo self = new MemberInfo(name, config.zooKeeperAddress(),
                    own.votes() ? MemberInfo.VOTER : MemberInfo.OBSERVER, identity.fingerprint(), VERSION, own.id(),
                    config.httpsPort(), config.memberPort());
            MemberStore store = MemberStore.open(MemberStoreSettings.of(zooKeeper.connectString(), stateDir)
                    .withMember(self)
                    .withTls(zooKeeper.clientConfig(), trust)
                    .withMaxVoters(config.maxVoters())
                    .withZooKeeperPeer(zooKeeper::state));
            running.push(store);
            if (pending.isPresent()) {
                String role = store.membership().admit(self, own, pending.get().enrollment().replacedServerId());
                PendingJoin.clear(stateDir);
                LOG.info("joined the collective as {} ({})", name, role);
            } else if (recovering) {
                store.membership().forgetOthers(self);
                Files.delete(stateDir.resolve(RECOVER_MARKER));
                LOG.warn("recovered: {} is now a collective of one; invite the other members again", name);
            }

            AtomicReference<ApiServer> apiRef = new AtomicReference<>();
            AtomicReference<Confluentd> daemonRef = new AtomicReference<>();
            MemberAdministration administration = new MemberAdministration(config, identity, store,
                    zooKeeper.connectString(), zooKeeper.clientConfigFile(), () -> apiRef.get().httpsPort(), () -> apiRef.get().memberPort(),
                    () -> daemonRef.get().restartSoon());
            ApiServer api = ApiServer.start(
                    new ApiServerSettings(config.httpsAddress(), config.httpsPort(), config.socketPath(),
                            new TlsIdentity(identity.keyStore(password), password), config.zooKeeperAddress(),
                            config.memberPort(), trust),
                    new ApiApplication(store.nodes(), store.users(), store.quorum(), store.collective(),
                            administration, new ZnodeInspector(store.curator()), VERSION));
            apiRef.set(api);
            running.push(api);

            LOG.info("confluentd {} member {} serving https://{}:{}/, the member API on {}:{} and {} "
                            + "with certificate {}", VERSION, name, config.httpsAddress(), api.httpsPort(),
                    config.zooKeeperAddress(), api.memberPort(), api.socketPath(), identity.fingerprint());
            Confluentd daemon = new Confluentd(running, store, api, identity.fingerprint(), zooKeeper);
            daemonRef.set(daemon);
            return daemon;
        } catch (Exception | Error e) {
            closeAll(running, e);
            throw e;
        }
    }

    /** Leaves a note that the next start rebuilds a one-member collective from this copy. */
    static void markRecovery(Path stateDir) {
        PrivateFiles.replace(stateDir.resolve(RECOVER_MARKER), new byte[0]);
    }

    private static Optional<String> savedName(Path stateDir) throws IOException {
        Path file = stateDir.resolve(NAME_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    /** A joiner takes the name in its invitation, for good: it is its identity in the collective. */
    private static void saveName(Path stateDir, String name) {
        PrivateFiles.replace(stateDir.resolve(NAME_FILE), (name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Closes this member soon (after the current answer is sent) so that main starts it again. */
    void restartSoon() {
        restartRequested.set(true);
        Thread restarter = new Thread(() -> {
            try {
                Thread.sleep(500);
                close();
            } catch (Exception e) {
                LOG.error("confluentd did not stop cleanly before restarting", e);
            }
        }, "confluentd-restart");
        restarter.start();
    }

    public int httpsPort() {
        return api.httpsPort();
    }

    public Path socketPath() {
        return api.socketPath();
    }

    /** This member's certificate fingerprint ({@code sha256:<hex>}), what clients pin. */
    public String fingerprint() {
        return fingerprint;
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
        Exception failure = new Exception("confluentd did not close cleanly");
        closeAll(running, failure);
        closed.countDown();
        LOG.info("confluentd stopped");
        if (failure.getSuppressed().length > 0) {
            throw failure;
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

    private static void closeAll(Deque<AutoCloseable> running, Throwable failure) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
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
            markRecovery(config.stateDir());
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
