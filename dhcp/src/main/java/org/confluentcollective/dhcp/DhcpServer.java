package org.confluentcollective.dhcp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.confluentcollective.server.api.DeploymentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DHCP responder on its sockets. A wildcard socket on the server port receives the
 * broadcasts; one socket per served IPv4 address (same port, {@code SO_REUSEADDR}, so a site
 * server or another member may share it) receives unicasts and sends the replies: Linux sends a
 * broadcast from a socket bound to an address out of that address's interface, which Java offers
 * no other way to choose. Receivers hand datagrams to a bounded pool of workers (a full queue
 * drops, and the client retries); the served addresses are re-read every few seconds. With a
 * proxyDHCP port, each served address also has a socket on it (clients unicast to it, so no
 * wildcard socket), sharing the workers.
 */
public final class DhcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DhcpServer.class);
    private static final int BUFFER = 4096;
    private static final long REFRESH_SECONDS = 5;

    private final DhcpSettings settings;
    private final DhcpMetrics metrics = new DhcpMetrics();
    private final DiscoveryList discovery;
    private final DhcpResponder responder;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService housekeeping;
    private final DatagramChannel wildcard;
    private final Map<Inet4Address, DatagramChannel> perAddress = new ConcurrentHashMap<>();
    private final Map<Inet4Address, DatagramChannel> proxyPerAddress = new ConcurrentHashMap<>();
    /** address:port pairs whose bind failed and was logged; a refresh tries them again quietly. */
    private final Set<String> bindFailures = ConcurrentHashMap.newKeySet();
    private volatile List<LocalAddress> addresses;
    private volatile boolean closed;

    /**
     * Binds the server port and starts answering.
     *
     * @param view what this member knows of nodes and whether it serves them
     * @throws IOException when the server port cannot be bound
     */
    public DhcpServer(DeploymentView view, DhcpSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.discovery = new DiscoveryList(settings.discoveryFile(), settings.maxDiscovered(),
                settings.discoveryRefresh(), clock, view);
        this.addresses = LocalAddress.ofInterfaces(settings.interfaces());
        this.responder = new DhcpResponder(view, () -> addresses, settings, discovery, metrics);
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queue()), daemon("dhcp-worker"));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("dhcp-housekeeping"));
        this.wildcard = open(new InetSocketAddress(settings.port()));
        receive(wildcard, "any", (datagram, from) -> answer(datagram, null));
        syncSockets();
        housekeeping.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        LOG.info("DHCP responder on port {}{}, serving {}", settings.port(),
                settings.proxyPort() > 0 ? " and proxyDHCP port " + settings.proxyPort() : "", addresses);
    }

    public DhcpMetrics metrics() {
        return metrics;
    }

    /** This member's unknown PXE clients (list, assign). */
    public DiscoveryList discovery() {
        return discovery;
    }

    /** The addresses served now. */
    public List<LocalAddress> addresses() {
        return addresses;
    }

    private void refresh() {
        try {
            addresses = LocalAddress.ofInterfaces(settings.interfaces());
            syncSockets();
            discovery.flush();
        } catch (RuntimeException e) {
            LOG.warn("DHCP housekeeping failed: {}", e.toString());
        }
    }

    /** One socket per served address: opened for new addresses, closed for vanished ones. */
    private synchronized void syncSockets() {
        if (closed) {
            return;
        }
        Set<Inet4Address> wanted = addresses.stream().map(LocalAddress::address).collect(Collectors.toSet());
        for (Inet4Address address : wanted) {
            if (!perAddress.containsKey(address)) {
                try {
                    DatagramChannel channel = open(new InetSocketAddress(address, settings.port()));
                    perAddress.put(address, channel);
                    receive(channel, address.getHostAddress(), (datagram, from) -> answer(datagram, address));
                    bindFailures.remove(address + ":" + settings.port());
                } catch (IOException e) {
                    if (bindFailures.add(address + ":" + settings.port())) {
                        LOG.warn("cannot bind {}:{}, replies for it leave by the routing table (tried again every "
                                + "{} s, said once): {}", address.getHostAddress(), settings.port(), REFRESH_SECONDS,
                                e.getMessage());
                    }
                }
            }
            if (settings.proxyPort() > 0 && !proxyPerAddress.containsKey(address)) {
                try {
                    DatagramChannel channel = open(new InetSocketAddress(address, settings.proxyPort()));
                    proxyPerAddress.put(address, channel);
                    receive(channel, address.getHostAddress() + "-proxy",
                            (datagram, from) -> answerProxy(datagram, address, from, channel));
                    bindFailures.remove(address + ":" + settings.proxyPort());
                } catch (IOException e) {
                    if (bindFailures.add(address + ":" + settings.proxyPort())) {
                        LOG.warn("cannot bind proxyDHCP {}:{} (tried again every {} s, said once): {}",
                                address.getHostAddress(), settings.proxyPort(), REFRESH_SECONDS, e.getMessage());
                    }
                }
            }
        }
        for (Map<Inet4Address, DatagramChannel> sockets : List.of(perAddress, proxyPerAddress)) {
            sockets.keySet().removeIf(address -> {
                if (!wanted.contains(address)) {
                    closeQuietly(sockets.get(address));
                    return true;
                }
                return false;
            });
        }
    }

    /** What a receiver does with a datagram, on a worker. */
    private interface Handler {
        void handle(byte[] datagram, InetSocketAddress from);
    }

    private static DatagramChannel open(InetSocketAddress local) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
            // A booting rack sends bursts; the kernel caps this at net.core.rmem_max.
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            channel.bind(local);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private void receive(DatagramChannel channel, String name, Handler handler) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (!closed && channel.isOpen()) {
                try {
                    buffer.clear();
                    if (!(channel.receive(buffer) instanceof InetSocketAddress from)) {
                        continue;
                    }
                    byte[] datagram = Arrays.copyOf(buffer.array(), buffer.position());
                    try {
                        workers.execute(() -> handler.handle(datagram, from));
                    } catch (RejectedExecutionException full) {
                        metrics.dropped();
                    }
                } catch (ClosedChannelException done) {
                    return;
                } catch (IOException e) {
                    LOG.debug("DHCP receive failed: {}", e.getMessage());
                }
            }
        }, "dhcp-receive-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void answer(byte[] datagram, Inet4Address receivedOn) {
        for (DhcpResponder.Reply reply : responder.handle(datagram, datagram.length, receivedOn)) {
            DatagramChannel channel = perAddress.getOrDefault(reply.from().address(), wildcard);
            try {
                channel.send(ByteBuffer.wrap(reply.packet().encode()), reply.to());
            } catch (IOException e) {
                LOG.debug("DHCP reply to {} not sent: {}", reply.to(), e.getMessage());
            }
        }
    }

    private void answerProxy(byte[] datagram, Inet4Address receivedOn, InetSocketAddress from,
                             DatagramChannel channel) {
        for (DhcpResponder.Reply reply : responder.handleProxy(datagram, datagram.length, receivedOn, from)) {
            try {
                channel.send(ByteBuffer.wrap(reply.packet().encode()), reply.to());
            } catch (IOException e) {
                LOG.debug("proxyDHCP reply to {} not sent: {}", reply.to(), e.getMessage());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a DHCP socket: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            perAddress.values().forEach(DhcpServer::closeQuietly);
            perAddress.clear();
            proxyPerAddress.values().forEach(DhcpServer::closeQuietly);
            proxyPerAddress.clear();
            closeQuietly(wildcard);
        }
        housekeeping.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        discovery.flush();
    }
}
