package org.confluentcollective.web;

import java.nio.file.Path;
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
    private static final int ZOOKEEPER_SERVER_ID = 1;
    private static final int ZOOKEEPER_TICK_MILLIS = 2000;

    private final Deque<AutoCloseable> running;
    private final MemberStore store;
    private final ApiServer api;
    private final String fingerprint;
    private final String zooKeeperConnectString;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Confluentd(Deque<AutoCloseable> running, MemberStore store, ApiServer api, String fingerprint,
                       String zooKeeperConnectString) {
        this.running = running;
        this.store = store;
        this.api = api;
        this.fingerprint = fingerprint;
        this.zooKeeperConnectString = zooKeeperConnectString;
    }

    /** Starts a member; on failure whatever had started is closed again. */
    public static Confluentd start(DaemonConfig config) throws Exception {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            PrivateFiles.createDirectory(config.stateDir());
            MemberIdentity identity = MemberIdentity.loadOrCreate(config.stateDir(), config.memberName(),
                    List.of(config.memberName()), List.of());

            EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(new ZooKeeperSettings(
                    config.stateDir().resolve("zookeeper"), ZOOKEEPER_SERVER_ID, config.zooKeeperAddress(),
                    config.zooKeeperClientPort(), config.zooKeeperQuorumPort(), config.zooKeeperElectionPort(),
                    ZOOKEEPER_TICK_MILLIS));
            running.push(zooKeeper);

            // Until members can join, this member is the collective's only voter.
            MemberInfo self = new MemberInfo(config.memberName(), config.zooKeeperAddress(), "voter",
                    identity.fingerprint(), VERSION);
            MemberStore store = MemberStore.open(MemberStoreSettings.of(zooKeeper.connectString(), config.stateDir())
                    .withMember(self));
            running.push(store);

            // The key store lives only in memory, so its password only has to be unguessable.
            char[] password = randomPassword();
            ApiServer api = ApiServer.start(
                    new ApiServerSettings(config.httpsAddress(), config.httpsPort(), config.socketPath(),
                            new TlsIdentity(identity.keyStore(password), password)),
                    new ApiApplication(store.nodes(), store.users(), store.quorum(), store.collective(), VERSION));
            running.push(api);

            LOG.info("confluentd {} member {} serving https://{}:{}/ and {} with certificate {}", VERSION,
                    config.memberName(), config.httpsAddress(), api.httpsPort(), api.socketPath(), identity.fingerprint());
            return new Confluentd(running, store, api, identity.fingerprint(), zooKeeper.connectString());
        } catch (Exception | Error e) {
            closeAll(running, e);
            throw e;
        }
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

    /** The embedded ZooKeeper's loopback client address (benchmarks compare against raw ZooKeeper). */
    public String zooKeeperConnectString() {
        return zooKeeperConnectString;
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

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
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

    public static void main(String[] args) {
        Optional<Path> configFile;
        try {
            configFile = configFile(args);
        } catch (IllegalArgumentException e) {
            System.err.println("confluentd: " + e.getMessage());
            System.err.println("usage: confluentd [--config PATH]");
            System.exit(2);
            return;
        }
        Confluentd daemon;
        try {
            daemon = start(DaemonProperties.toConfig(DaemonProperties.load(configFile, System.getProperties())));
        } catch (Exception e) {
            LOG.error("confluentd could not start: {}", e.toString(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                daemon.close();
            } catch (Exception e) {
                LOG.error("confluentd did not stop cleanly", e);
            }
        }, "confluentd-shutdown"));
        try {
            daemon.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
