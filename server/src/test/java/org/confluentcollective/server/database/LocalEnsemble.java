package org.confluentcollective.server.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * Three plaintext ZooKeeper voters in this JVM, each with its own client port: enough for a
 * client to move from one server to another while the ensemble keeps committing.
 */
final class LocalEnsemble implements AutoCloseable {

    private final List<Peer> peers = new ArrayList<>();
    private final int[] clientPorts;

    LocalEnsemble(Path dir, int size) throws Exception {
        int[] ports = freePorts(3 * size);
        clientPorts = new int[size];
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < size; i++) {
            clientPorts[i] = ports[3 * i + 2];
            servers.append("server.%d=127.0.0.1:%d:%d:participant;127.0.0.1:%d\n"
                    .formatted(i + 1, ports[3 * i], ports[3 * i + 1], clientPorts[i]));
        }
        for (int i = 0; i < size; i++) {
            Path data = dir.resolve("zk" + (i + 1)).toAbsolutePath();
            Files.createDirectories(data);
            Files.writeString(data.resolve("myid"), (i + 1) + "\n");
            Files.writeString(data.resolve("zoo.cfg.dynamic"), servers);
            Path cfg = data.resolve("zoo.cfg");
            Files.writeString(cfg, String.join("\n", "dataDir=" + data, "tickTime=500", "initLimit=20",
                    "syncLimit=4", "standaloneEnabled=false", "reconfigEnabled=true", "admin.enableServer=false",
                    "dynamicConfigFile=" + data.resolve("zoo.cfg.dynamic")) + "\n");
            Peer peer = new Peer();
            Thread thread = new Thread(() -> {
                try {
                    peer.run(cfg);
                } catch (Exception e) {
                    // shut down by close()
                }
            }, "zk-peer-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            peers.add(peer);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!peers.stream().allMatch(Peer::serving)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ensemble did not form");
            }
            Thread.sleep(50);
        }
    }

    int clientPort(int server) {
        return clientPorts[server];
    }

    String connectString(int server) {
        return "127.0.0.1:" + clientPorts[server];
    }

    @Override
    public void close() {
        peers.forEach(Peer::shutdown);
    }

    private static final class Peer extends QuorumPeerMain {
        void run(Path cfg) throws Exception {
            initializeAndRun(new String[] {cfg.toString()});
        }

        boolean serving() {
            QuorumPeer peer = quorumPeer;
            return peer != null && peer.getPeerState() != QuorumPeer.ServerState.LOOKING
                    && peer.getActiveServer() != null && peer.getActiveServer().isRunning();
        }

        void shutdown() {
            if (quorumPeer != null) {
                quorumPeer.shutdown();
            }
        }
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
