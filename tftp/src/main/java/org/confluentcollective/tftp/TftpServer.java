package org.confluentcollective.tftp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.net.tftp.TFTPErrorPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only TFTP server (RFC 1350 with RFC 2347/2348/2349 options and RFC 7440 windows).
 *
 * <p>One thread reads requests from the well-known port; each accepted request becomes a
 * {@link Transfer} on a fresh ephemeral socket, run by a bounded pool. When every slot is
 * taken the request is answered "server busy" at once: a PXE client retries, whereas a queued
 * request would only time out behind transfers it cannot see.
 */
public final class TftpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TftpServer.class);

    private final TftpSettings settings;
    private final TftpMetrics metrics = new TftpMetrics();
    private final Semaphore slots;
    private final ThreadPoolExecutor pool;
    private final Set<InetSocketAddress> activeClients = ConcurrentHashMap.newKeySet();
    private final Set<DatagramSocket> activeSockets = ConcurrentHashMap.newKeySet();
    private PathResolver resolver;
    private DatagramSocket socket;
    private Thread receiver;
    private volatile boolean closed;

    public TftpServer(TftpSettings settings) {
        this.settings = settings;
        this.slots = new Semaphore(settings.maxTransfers());
        AtomicInteger threads = new AtomicInteger();
        // Never more tasks than slots (the semaphore), so the queue stays bounded too.
        this.pool = new ThreadPoolExecutor(settings.maxTransfers(), settings.maxTransfers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "tftp-transfer-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Binds the request socket and starts serving; fails if the root or the port is unusable. */
    public synchronized void start() throws IOException {
        if (socket != null || closed) {
            throw new IllegalStateException("already started");
        }
        resolver = new PathResolver(settings.root());
        socket = new DatagramSocket(new InetSocketAddress(settings.bindAddress(), settings.port()));
        receiver = new Thread(this::receiveLoop, "tftp-requests-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
        log.info("TFTP serving {} on {}", resolver.root(), socket.getLocalSocketAddress());
    }

    /** The bound request port (useful when the settings asked for port 0). */
    public int port() {
        return socket.getLocalPort();
    }

    public TftpMetrics metrics() {
        return metrics;
    }

    /** Transfers running now. */
    public int activeTransfers() {
        return settings.maxTransfers() - slots.availablePermits();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (socket != null) {
            socket.close();
        }
        pool.shutdownNow();
        activeSockets.forEach(DatagramSocket::close);
        try {
            if (receiver != null) {
                receiver.join(5000);
            }
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receiveLoop() {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            packet.setLength(buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketException e) {
                if (!closed) {
                    log.warn("TFTP request socket: {}", e.toString());
                }
                continue;
            } catch (IOException e) {
                log.warn("TFTP request socket: {}", e.toString());
                continue;
            }
            try {
                handle(packet);
            } catch (IOException | RuntimeException e) {
                // Whatever one datagram does, the next one is still served.
                metrics.droppedPackets.increment();
                log.warn("TFTP request from {}: {}", packet.getSocketAddress(), e.toString());
            }
        }
    }

    private void handle(DatagramPacket packet) throws IOException {
        byte[] data = packet.getData();
        int length = packet.getLength();
        if (!RequestParser.looksLikeRequest(data, 0, length) || packet.getPort() == 0) {
            metrics.droppedPackets.increment(); // never answer what is not a request
            return;
        }
        TftpRequest request;
        try {
            request = RequestParser.parse(data, 0, length);
        } catch (MalformedPacketException e) {
            metrics.droppedPackets.increment();
            log.debug("TFTP malformed request from {}: {}", packet.getSocketAddress(), e.getMessage());
            sendError(socket, packet.getAddress(), packet.getPort(), TFTPErrorPacket.ILLEGAL_OPERATION,
                    "Malformed request: " + e.getMessage());
            return;
        }
        metrics.requests.increment();
        InetSocketAddress client = new InetSocketAddress(packet.getAddress(), packet.getPort());
        if (!activeClients.add(client)) {
            // The client repeated its request before our first answer reached it; the
            // running transfer retransmits by itself, a second one would fight it.
            metrics.duplicateRequests.increment();
            return;
        }
        if (!slots.tryAcquire()) {
            activeClients.remove(client);
            metrics.busyRefusals.increment();
            metrics.refusals.increment();
            log.info("TFTP {} from {}: server busy ({} transfers)", Transfer.printable(request.filename()), client, settings.maxTransfers());
            sendError(socket, client.getAddress(), client.getPort(), TFTPErrorPacket.UNDEFINED, "server busy");
            return;
        }
        try {
            pool.execute(() -> runTransfer(request, client));
        } catch (RejectedExecutionException e) {
            slots.release();
            activeClients.remove(client);
            if (!closed) {
                throw e;
            }
        }
    }

    private void runTransfer(TftpRequest request, InetSocketAddress client) {
        try (DatagramSocket tid = new DatagramSocket(new InetSocketAddress(settings.bindAddress(), 0))) {
            activeSockets.add(tid);
            if (closed) {
                return;
            }
            new Transfer(request, client, tid, resolver, settings, metrics).run();
        } catch (IOException e) {
            log.warn("TFTP {} for {}: no transfer socket: {}", request.filename(), client, e.toString());
        } finally {
            activeSockets.removeIf(DatagramSocket::isClosed);
            activeClients.remove(client);
            slots.release();
        }
    }

    static void sendError(DatagramSocket from, InetAddress to, int port, int code, String message) throws IOException {
        from.send(new TFTPErrorPacket(to, port, code, message).newDatagram());
    }
}
