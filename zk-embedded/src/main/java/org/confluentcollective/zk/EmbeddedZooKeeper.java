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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern CLIENT_PART = Pattern.compile(";\\s*([^:;\\s]+):(\\d+)\\s*$");

    private final Peer peer;
    private final Thread thread;
    private final String connectString;

    private EmbeddedZooKeeper(Peer peer, Thread thread, String connectString) {
        this.peer = peer;
        this.thread = thread;
        this.connectString = connectString;
    }

    /**
     * Starts the peer and returns once it serves clients (it has joined or formed a quorum).
     *
     * @throws IOException when the configuration cannot be written or the peer does not come up
     */
    public static EmbeddedZooKeeper start(ZooKeeperSettings settings) throws IOException {
        Path zooCfg = ensureConfiguration(settings);
        String connectString = clientAddress(zooCfg);
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
        EmbeddedZooKeeper zk = new EmbeddedZooKeeper(peer, thread, connectString);
        zk.awaitServing(ended);
        LOG.info("ZooKeeper peer {} serving clients at {}", settings.serverId(), connectString);
        return zk;
    }

    /** Where local clients connect, e.g. {@code 127.0.0.1:4006}. */
    public String connectString() {
        return connectString;
    }

    /** The peer's current role as ZooKeeper sees it (leading, following, observing, looking). */
    public String state() {
        QuorumPeer quorumPeer = peer.quorumPeer();
        return quorumPeer == null ? "stopped" : quorumPeer.getPeerState().name().toLowerCase();
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
        Path dataDir = settings.dataDir().toAbsolutePath();
        Path confDir = dataDir.resolve("conf");
        Path zooCfg = confDir.resolve("zoo.cfg");
        if (Files.exists(zooCfg)) {
            return zooCfg;
        }
        Files.createDirectories(confDir);
        Files.writeString(dataDir.resolve("myid"), settings.serverId() + "\n");
        int client = portOrFree(settings.clientPort());
        int quorum = portOrFree(settings.quorumPort());
        int election = portOrFree(settings.electionPort());
        Path dynamic = confDir.resolve("zoo.cfg.dynamic");
        // The client port listens on loopback only: members reach each other's data through
        // the quorum protocol, never through a plaintext client port on the network.
        Files.writeString(dynamic, "server.%d=%s:%d:%d:participant;127.0.0.1:%d%n".formatted(
                settings.serverId(), settings.address(), quorum, election, client));
        String cfg = String.join("\n",
                "dataDir=" + dataDir,
                "tickTime=" + settings.tickMillis(),
                "initLimit=20",
                "syncLimit=5",
                "standaloneEnabled=false",
                "reconfigEnabled=true",
                "admin.enableServer=false",
                "4lw.commands.whitelist=srvr,stat,mntr,conf,ruok",
                "autopurge.snapRetainCount=3",
                "autopurge.purgeInterval=1",
                "dynamicConfigFile=" + dynamic,
                "");
        Path tmp = confDir.resolve("zoo.cfg.tmp");
        Files.writeString(tmp, cfg, StandardCharsets.UTF_8);
        Files.move(tmp, zooCfg, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return zooCfg;
    }

    /** Reads this member's client address from the dynamic file ZooKeeper's zoo.cfg points at. */
    private static String clientAddress(Path zooCfg) throws IOException {
        String myid = Files.readString(zooCfg.getParent().getParent().resolve("myid")).trim();
        Path dynamic = Files.readAllLines(zooCfg).stream()
                .filter(line -> line.startsWith("dynamicConfigFile="))
                .map(line -> Path.of(line.substring("dynamicConfigFile=".length()).trim()))
                .findFirst()
                .orElseThrow(() -> new IOException("no dynamicConfigFile in " + zooCfg));
        for (String line : Files.readAllLines(dynamic)) {
            if (line.startsWith("server." + myid + "=")) {
                Matcher m = CLIENT_PART.matcher(line);
                if (m.find()) {
                    return m.group(1) + ":" + m.group(2);
                }
            }
        }
        throw new IOException("member " + myid + " has no client address in " + dynamic);
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
