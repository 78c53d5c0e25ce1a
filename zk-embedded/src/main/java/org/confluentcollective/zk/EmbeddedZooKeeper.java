package org.confluentcollective.zk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's in-process ZooKeeper quorum peer. It always runs the distributed stack
 * ({@code standaloneEnabled=false}, {@code reconfigEnabled=true}, a dynamic configuration
 * file), so a collective of one can later grow by dynamic reconfiguration without a restart.
 *
 * <p>The first start writes {@code myid}, {@code conf/zoo.cfg} and the initial dynamic file;
 * later starts reuse whatever ZooKeeper left there, because ZooKeeper rewrites those files on
 * every configuration change and regenerating them would undo reconfigurations.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Peer peer;
    private final Thread thread;
    private final ClientAddress client;
    private final Optional<Path> clientConfigFile;

    private EmbeddedZooKeeper(Peer peer, Thread thread, ClientAddress client, Optional<Path> clientConfigFile) {
        this.peer = peer;
        this.thread = thread;
        this.client = client;
        this.clientConfigFile = clientConfigFile;
    }

    /** Where local clients connect: the TLS client port if configured, else the plaintext one. */
    private record ClientAddress(String host, int port) {
        String connectString() {
            return host + ":" + port;
        }
    }

    /**
     * Starts the peer and returns once it serves clients (it has joined or formed a quorum).
     *
     * @throws IOException when the configuration cannot be written or the peer does not come up
     */
    public static EmbeddedZooKeeper start(ZooKeeperSettings settings) throws IOException {
        Optional<Path> clientConfigFile = Optional.empty();
        if (settings.tls() != null) {
            JvmPeerTls.install(settings.tls());
            clientConfigFile = Optional.of(ClientTlsFiles.write(
                    settings.dataDir().toAbsolutePath().resolve("client-tls"), settings.tls()));
        }
        FailoverTimings.installSystemProperties();
        Path zooCfg = ensureConfiguration(settings);
        ClientAddress client = clientAddress(zooCfg);
        Peer peer = new Peer();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                peer.run(zooCfg);
                ended.complete(null);
            } catch (Exception e) {
                ended.completeExceptionally(e);
            }
        }, "zookeeper-peer-" + settings.serverId());
        thread.setDaemon(true);
        thread.start();
        EmbeddedZooKeeper zk = new EmbeddedZooKeeper(peer, thread, client, clientConfigFile);
        zk.awaitServing(ended);
        LOG.info("ZooKeeper peer {} serving clients at {}", settings.serverId(), client.connectString());
        return zk;
    }

    /** Where local clients connect, e.g. {@code 127.0.0.1:4006}. */
    public String connectString() {
        return client.connectString();
    }

    /** The port local clients connect to (the one a joiner tells the collective). */
    public int clientPort() {
        return client.port();
    }

    /**
     * Settings for a client of this peer: TLS with the member's key when the peer runs TLS
     * (each call returns a new object, as clients may change theirs).
     */
    public ZKClientConfig clientConfig() {
        if (clientConfigFile.isEmpty()) {
            return new ZKClientConfig();
        }
        try {
            return new ZKClientConfig(clientConfigFile.get());
        } catch (org.apache.zookeeper.common.ConfigException e) {
            throw new IllegalStateException("cannot read " + clientConfigFile.get() + ": " + e.getMessage(), e);
        }
    }

    /** The client settings file ({@code ZooKeeperMain -client-configuration}), when the peer runs TLS. */
    public Optional<Path> clientConfigFile() {
        return clientConfigFile;
    }

    /**
     * The peer's current role and leader, read from the running peer (cheap, no network), so they
     * are known without a quorum too. A peer not running (yet or any more) is looking.
     */
    public PeerState state() {
        QuorumPeer quorumPeer = peer.quorumPeer();
        if (quorumPeer == null || !quorumPeer.isRunning()) {
            return PeerState.LOOKING;
        }
        ZooKeeperRole role = switch (quorumPeer.getPeerState()) {
            case LEADING -> ZooKeeperRole.LEADER;
            case FOLLOWING -> ZooKeeperRole.FOLLOWER;
            case OBSERVING -> ZooKeeperRole.OBSERVER;
            case LOOKING -> ZooKeeperRole.LOOKING;
        };
        // Once out of the election, the peer's vote is the leader it leads as or follows.
        return role == ZooKeeperRole.LOOKING ? PeerState.LOOKING
                : new PeerState(role, OptionalInt.of((int) quorumPeer.getCurrentVote().getId()));
    }

    /**
     * Closes the client-port connections whose certificate the member's trust manager no longer
     * trusts (a deleted or replaced member): new ones are refused at the handshake, these were
     * opened before.
     */
    public void closeUntrustedClientConnections() {
        QuorumPeer quorumPeer = peer.quorumPeer();
        ZooKeeperServer server = quorumPeer == null ? null : quorumPeer.getActiveServer();
        if (server != null && server.getSecureServerCnxnFactory() != null) {
            JvmPeerTls.closeUntrusted(server.getSecureServerCnxnFactory().getConnections());
        }
    }

    @Override
    public void close() {
        peer.shutdown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitServing(CompletableFuture<Void> ended) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!peer.isServing()) {
            if (ended.isDone() || peer.hasDied()) {
                close();
                throw new IOException("ZooKeeper peer stopped while starting", failureOf(ended));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IOException("ZooKeeper peer did not serve within " + START_TIMEOUT.toSeconds() + " s");
            }
            try {
                ended.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException ignored) {
                // still starting (or failed: checked at the top of the loop)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IOException("interrupted while ZooKeeper was starting", e);
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<Void> ended) {
        try {
            ended.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** Writes the first-start configuration unless ZooKeeper's own files are already there. */
    private static Path ensureConfiguration(ZooKeeperSettings settings) throws IOException {
        Path zooCfg = settings.dataDir().toAbsolutePath().resolve("conf").resolve("zoo.cfg");
        if (Files.exists(zooCfg)) {
            moveLoneServer(zooCfg, settings);
            updateTimings(zooCfg, settings);
            return zooCfg;
        }
        return writeConfiguration(settings, List.of(), QuorumRole.PARTICIPANT);
    }

    /**
     * A collective of one may change its address and ports between starts (the administrator
     * sets the management address before inviting anyone): nobody else knows the old ones, so
     * its configuration simply follows the settings. Once others are in the ensemble, only a
     * reconfiguration could move it, and the existing configuration is kept.
     */
    private static void moveLoneServer(Path zooCfg, ZooKeeperSettings settings) throws IOException {
        Path dynamic = dynamicFile(zooCfg);
        List<QuorumServer> servers = Files.readAllLines(dynamic).stream()
                .map(QuorumServer::parse).flatMap(Optional::stream).toList();
        QuorumServer self = ownServer(zooCfg);
        boolean tls = settings.tls() != null;
        QuorumServer wanted = new QuorumServer(self.id(), settings.address(),
                settings.quorumPort() == 0 ? self.quorumPort() : settings.quorumPort(),
                settings.electionPort() == 0 ? self.electionPort() : settings.electionPort(), self.role(),
                self.clientPart());
        Map<String, String> cfg = properties(zooCfg);
        String clientPort = settings.clientPort() == 0 ? cfg.get("secureClientPort")
                : Integer.toString(settings.clientPort());
        boolean moved = !wanted.equals(self)
                || tls && !(settings.address().equals(cfg.get("secureClientPortAddress"))
                        && java.util.Objects.equals(clientPort, cfg.get("secureClientPort")));
        if (servers.size() != 1 || !moved) {
            if (moved) {
                LOG.warn("zookeeper address or ports changed, but this member shares an ensemble: keeping {}",
                        self.line());
            }
            return;
        }
        replace(dynamic, wanted.line() + "\n");
        if (tls) {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(zooCfg)) {
                if (line.startsWith("secureClientPortAddress=")) {
                    lines.add("secureClientPortAddress=" + settings.address());
                } else if (line.startsWith("secureClientPort=") && clientPort != null) {
                    lines.add("secureClientPort=" + clientPort);
                } else {
                    lines.add(line);
                }
            }
            replace(zooCfg, String.join("\n", lines) + "\n");
        }
        LOG.info("ZooKeeper peer {} moved to {}", self.id(), wanted.line());
    }

    /**
     * Prepares this peer to join a running ensemble: discards its data (the joiner takes the
     * collective's), and writes a configuration of the committed servers plus itself as an
     * observer, so that it syncs without voting until a reconfiguration admits it. Call while
     * the peer is stopped; then {@link #start} it and reconfigure. The settings' ports must be
     * concrete, since the other members already know them from the joiner.
     */
    public static void prepareJoin(ZooKeeperSettings settings, List<QuorumServer> committed) throws IOException {
        if (settings.quorumPort() == 0 || settings.electionPort() == 0 || settings.clientPort() == 0) {
            throw new IllegalArgumentException("a joining peer needs concrete ports");
        }
        deleteRecursively(settings.dataDir().toAbsolutePath());
        List<QuorumServer> others = committed.stream().filter(s -> s.id() != settings.serverId()).toList();
        writeConfiguration(settings, others, QuorumRole.OBSERVER);
    }

    /**
     * Rebuilds a one-member ensemble from this stopped peer's data after a majority of voters is
     * lost for good: a dynamic configuration naming only this peer, so the peer forms a quorum of
     * one with everything it holds. Other members are shut out by their certificates, which the
     * recovered member stops trusting.
     */
    public static void prepareRecovery(Path dataDir) throws IOException {
        Path confDir = dataDir.toAbsolutePath().resolve("conf");
        Path zooCfg = confDir.resolve("zoo.cfg");
        QuorumServer self = ownServer(zooCfg).withRole(QuorumRole.PARTICIPANT);
        // Same version as the configuration it replaces: the next reconfiguration happens in a
        // later epoch, so its zxid, which becomes the new version, is higher. A version above
        // that zxid would make the leader ignore that reconfiguration.
        long version = configVersion(dynamicFile(zooCfg));
        Path dynamic = confDir.resolve("zoo.cfg.dynamic." + Long.toHexString(version));
        replace(dynamic, self.line() + "\n");
        List<String> cfg = new ArrayList<>();
        for (String line : Files.readAllLines(zooCfg)) {
            cfg.add(line.startsWith("dynamicConfigFile=") ? "dynamicConfigFile=" + dynamic : line);
        }
        replace(zooCfg, String.join("\n", cfg) + "\n");
        Files.deleteIfExists(confDir.resolve("zoo.cfg.dynamic.next"));
        LOG.warn("ZooKeeper peer {} prepared to recover alone as {}", self.id(), self.line());
    }

    /** Where an existing peer's quorum and election ports are, or empty before its first start. */
    public static Optional<QuorumServer> existingServer(Path dataDir) throws IOException {
        Path zooCfg = dataDir.toAbsolutePath().resolve("conf").resolve("zoo.cfg");
        return Files.exists(zooCfg) ? Optional.of(ownServer(zooCfg)) : Optional.empty();
    }

    private static Path writeConfiguration(ZooKeeperSettings settings, List<QuorumServer> others, QuorumRole ownRole)
            throws IOException {
        Path dataDir = settings.dataDir().toAbsolutePath();
        Path confDir = dataDir.resolve("conf");
        Path zooCfg = confDir.resolve("zoo.cfg");
        Files.createDirectories(confDir);
        Files.writeString(dataDir.resolve("myid"), settings.serverId() + "\n");
        int client = portOrFree(settings.clientPort());
        int quorum = portOrFree(settings.quorumPort());
        int election = portOrFree(settings.electionPort());
        boolean tls = settings.tls() != null;
        // A plaintext client port listens on loopback only; with TLS there is no plaintext port at
        // all and the TLS one binds the member address, as other members' clients may use it.
        QuorumServer self = new QuorumServer(settings.serverId(), settings.address(), quorum, election, ownRole,
                tls ? "" : "127.0.0.1:" + client);
        StringBuilder dynamicLines = new StringBuilder();
        for (QuorumServer other : others) {
            dynamicLines.append(other.line()).append('\n');
        }
        dynamicLines.append(self.line()).append('\n');
        Path dynamic = confDir.resolve("zoo.cfg.dynamic");
        Files.writeString(dynamic, dynamicLines);
        List<String> cfg = new ArrayList<>(List.of(
                "dataDir=" + dataDir,
                "standaloneEnabled=false",
                "reconfigEnabled=true",
                "admin.enableServer=false",
                "4lw.commands.whitelist=srvr,stat,mntr,conf,ruok",
                "autopurge.snapRetainCount=3",
                "autopurge.purgeInterval=1",
                "dynamicConfigFile=" + dynamic));
        FailoverTimings.configuration(settings.tickMillis()).forEach((key, value) -> cfg.add(key + "=" + value));
        if (tls) {
            cfg.addAll(List.of(
                    "sslQuorum=true",
                    "portUnification=false",
                    "ssl.quorum.context.supplier.class=" + MemberQuorumSslContext.class.getName(),
                    "ssl.quorum.hostnameVerification=false",
                    "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
                    "secureClientPortAddress=" + settings.address(),
                    "secureClientPort=" + client,
                    "ssl.clientAuth=need",
                    "ssl.hostnameVerification=false",
                    "authProvider.x509=" + MemberX509AuthenticationProvider.class.getName(),
                    "ssl.authProvider=x509",
                    "X509AuthenticationProvider.superUser=" + MemberX509AuthenticationProvider.MEMBER_PRINCIPAL));
            MemberTlsPolicy.serverConfiguration().forEach((key, value) -> cfg.add(key + "=" + value));
        }
        replace(zooCfg, String.join("\n", cfg) + "\n");
        return zooCfg;
    }

    private static ClientAddress clientAddress(Path zooCfg) throws IOException {
        Map<String, String> cfg = properties(zooCfg);
        if (cfg.containsKey("secureClientPort")) {
            return new ClientAddress(cfg.getOrDefault("secureClientPortAddress", "127.0.0.1"),
                    Integer.parseInt(cfg.get("secureClientPort").strip()));
        }
        QuorumServer self = ownServer(zooCfg);
        String part = self.clientPart();
        int colon = part.lastIndexOf(':');
        if (colon < 0) {
            throw new IOException("member " + self.id() + " has no client address in " + dynamicFile(zooCfg));
        }
        return new ClientAddress(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
    }

    private static QuorumServer ownServer(Path zooCfg) throws IOException {
        int myid = Integer.parseInt(Files.readString(zooCfg.getParent().getParent().resolve("myid")).trim());
        Path dynamic = dynamicFile(zooCfg);
        for (String line : Files.readAllLines(dynamic)) {
            Optional<QuorumServer> server = QuorumServer.parse(line);
            if (server.isPresent() && server.get().id() == myid) {
                return server.get();
            }
        }
        throw new IOException("member " + myid + " is not in " + dynamic);
    }

    private static Path dynamicFile(Path zooCfg) throws IOException {
        String file = properties(zooCfg).get("dynamicConfigFile");
        if (file == null) {
            throw new IOException("no dynamicConfigFile in " + zooCfg);
        }
        return Path.of(file);
    }

    /** ZooKeeper names each dynamic file after the configuration's version, in hex. */
    private static long configVersion(Path dynamic) {
        String name = dynamic.getFileName().toString();
        String suffix = name.substring(name.lastIndexOf('.') + 1);
        try {
            return Long.parseLong(suffix, 16);
        } catch (NumberFormatException initialFile) {
            return 0;
        }
    }

    /**
     * ZooKeeper owns zoo.cfg after the first start (it rewrites it on reconfiguration), so only
     * the timing keys and the TLS policy are brought up to date, in place, keeping every other line.
     */
    private static void updateTimings(Path zooCfg, ZooKeeperSettings settings) throws IOException {
        Map<String, String> wanted = new LinkedHashMap<>(FailoverTimings.configuration(settings.tickMillis()));
        if (settings.tls() != null) {
            wanted.putAll(MemberTlsPolicy.serverConfiguration());
        }
        List<String> lines = new ArrayList<>();
        boolean changed = false;
        for (String line : Files.readAllLines(zooCfg)) {
            int eq = line.indexOf('=');
            String key = eq > 0 && !line.startsWith("#") ? line.substring(0, eq).trim() : null;
            if (key != null && wanted.containsKey(key)) {
                String value = wanted.remove(key);
                changed |= !line.substring(eq + 1).trim().equals(value);
                lines.add(key + "=" + value);
            } else {
                lines.add(line);
            }
        }
        changed |= !wanted.isEmpty();
        wanted.forEach((key, value) -> lines.add(key + "=" + value));
        if (changed) {
            replace(zooCfg, String.join("\n", lines) + "\n");
        }
    }

    private static Map<String, String> properties(Path zooCfg) throws IOException {
        Map<String, String> cfg = new LinkedHashMap<>();
        for (String line : Files.readAllLines(zooCfg)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                cfg.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return cfg;
    }

    private static void replace(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int portOrFree(int port) throws IOException {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Exposes the running QuorumPeer, which QuorumPeerMain keeps in a protected field. */
    private static final class Peer extends QuorumPeerMain {

        void run(Path zooCfg) throws Exception {
            initializeAndRun(new String[] {zooCfg.toString()});
        }

        QuorumPeer quorumPeer() {
            return quorumPeer;
        }

        boolean isServing() {
            QuorumPeer qp = quorumPeer;
            if (qp == null || qp.getPeerState() == QuorumPeer.ServerState.LOOKING) {
                return false;
            }
            ZooKeeperServer server = qp.getActiveServer();
            return server != null && server.isRunning();
        }

        /** The peer thread ended by itself, e.g. a port was taken or a class was missing. */
        boolean hasDied() {
            QuorumPeer qp = quorumPeer;
            return qp != null && qp.getState() == Thread.State.TERMINATED;
        }

        void shutdown() {
            QuorumPeer qp = quorumPeer;
            if (qp != null) {
                qp.shutdown();
            }
        }
    }
}
