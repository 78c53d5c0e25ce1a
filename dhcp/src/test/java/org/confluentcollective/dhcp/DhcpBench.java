package org.confluentcollective.dhcp;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.MemberStoreSettings;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.DeploymentView;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.attributes.AttributeCatalog;
import org.confluentcollective.server.deploy.DeploymentIndex;
import org.confluentcollective.server.noderange.NodeRanges;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.ZooKeeperSettings;

/**
 * The DHCP benchmark's two halves, run by {@code dhcp/bench} in network namespaces:
 * {@code server N} answers N known MACs (02:00:00:00:hi:lo, static addresses in 10.232.0.0/16)
 * until killed, from a map ({@link MapView}); {@code index N} the same nodes from the product path:
 * a {@link DeploymentIndex} over a real database (an embedded ZooKeeper and a member store in a
 * temporary directory, as a single member has); {@code load N SECONDS} sends DISCOVERs from those N MACs, keeping a window of
 * them outstanding, and prints the OFFERs per second it received, from whichever server.
 */
public final class DhcpBench {

    private static final int WINDOW = 32;

    private DhcpBench() {
    }

    public static void main(String[] args) throws Exception {
        int macs = Integer.parseInt(args[1]);
        if (args[0].equals("server")) {
            MapView view = new MapView("m1", Set.of("*"));
            for (int i = 0; i < macs; i++) {
                view.add("n" + i, mac(i), address(i) + "/16", "rocky9");
            }
            serve(view);
        } else if (args[0].equals("index")) {
            serveIndex(macs);
        } else {
            System.out.printf("%.0f%n", load(macs, Integer.parseInt(args[2])));
        }
    }

    static String mac(int i) {
        return String.format("02:00:00:00:%02x:%02x", i >> 8, i & 0xff);
    }

    static String address(int i) {
        return String.format("10.232.%d.%d", 1 + i / 250, 1 + i % 250);
    }

    private static void serve(DeploymentView view) throws Exception {
        try (DhcpServer server = new DhcpServer(view, DhcpSettings.defaults(null), Clock.systemUTC())) {
            System.out.println("ready " + server.addresses());
            new CountDownLatch(1).await();
        }
    }

    /** The same nodes in a real single-member database, served through DeploymentIndex. */
    private static void serveIndex(int macs) throws Exception {
        Path dir = Files.createTempDirectory("dhcp-bench-index");
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(ZooKeeperSettings.loopback(dir.resolve("zookeeper")));
                MemberStore store = MemberStore.open(MemberStoreSettings.of(zk.connectString(), dir.resolve("state"))
                        .withPasswordIterations(1_000))) {
            NodeDatabase db = store.nodes();
            long started = System.nanoTime();
            for (int i = 0; i < macs; i++) {
                db.defineNodes("n" + i, Map.of("net.hwaddr", new AttributeInput.Text(mac(i)),
                        "net.ipv4_address", new AttributeInput.Text(address(i) + "/16"),
                        "deployment.pendingprofile", new AttributeInput.Text("rocky9")));
            }
            System.out.printf("defined %d nodes in %d ms%n", macs, (System.nanoTime() - started) / 1_000_000);
            serve(new DeploymentIndex(db, "m1", () -> Set.of("m1"), new NodeRanges(AttributeCatalog.standard())));
        }
    }

    /** Offers per second over the run, a window of DISCOVERs in flight (a lost one is replaced after 100 ms). */
    private static double load(int macs, int seconds) throws Exception {
        byte[][] discovers = new byte[macs][];
        for (int i = 0; i < macs; i++) {
            discovers[i] = Packets.discover(mac(i), 0).encode();
        }
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.setReuseAddress(true);
            socket.setBroadcast(true);
            socket.setReceiveBufferSize(1 << 20);
            socket.bind(new InetSocketAddress(68));
            socket.setSoTimeout(100);
            InetSocketAddress servers = new InetSocketAddress("255.255.255.255", 67);
            byte[] buffer = new byte[2048];
            DatagramPacket received = new DatagramPacket(buffer, buffer.length);
            int next = 0;
            long offers = 0;
            long warmUpEnd = System.nanoTime() + 2_000_000_000L;
            long start = 0;
            long end = Long.MAX_VALUE;
            for (int i = 0; i < WINDOW; i++) {
                next = send(socket, discovers, next, servers);
            }
            while (System.nanoTime() < end) {
                try {
                    socket.receive(received);
                } catch (SocketTimeoutException lost) {
                    for (int i = 0; i < WINDOW; i++) {
                        next = send(socket, discovers, next, servers);
                    }
                    continue;
                }
                if (received.getLength() > 242 && buffer[0] == DhcpPacket.BOOTREPLY) {
                    if (start == 0 && System.nanoTime() > warmUpEnd) {
                        start = System.nanoTime();
                        end = start + seconds * 1_000_000_000L;
                    } else if (start != 0) {
                        offers++;
                    }
                    next = send(socket, discovers, next, servers);
                }
            }
            return offers * 1e9 / (System.nanoTime() - start);
        }
    }

    private static int send(DatagramSocket socket, byte[][] discovers, int next, InetSocketAddress to)
            throws java.io.IOException {
        byte[] discover = discovers[next];
        socket.send(new DatagramPacket(discover, discover.length, to));
        return (next + 1) % discovers.length;
    }
}
