package org.confluentcollective.tftp;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.tftp.TFTPAckPacket;
import org.apache.commons.net.tftp.TFTPErrorPacket;
import org.apache.commons.net.tftp.TFTPPacket;
import org.apache.commons.net.tftp.TFTPPacketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read transfer on its own socket (its TID, RFC 1350): OACK, then windows of DATA blocks.
 *
 * <p>Blocks are numbered internally from 1 without limit; on the wire the number is taken
 * modulo 65536, so a file of more than 65535 blocks rolls over to block 0 as with tftpd-hpa.
 * An ACK is mapped back onto the blocks in flight: an ACK for the last acknowledged block
 * again is a duplicate and is ignored (answering it would be the Sorcerer's Apprentice bug);
 * an ACK inside the window means the client lost what follows it (RFC 7440), so sending
 * restarts there, as it does after a timeout.
 */
final class Transfer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Transfer.class);

    private enum Event { ACK, ERROR, TIMEOUT }

    /** Opcode and block number in front of a DATA block (RFC 1350). */
    private static final int DATA_HEADER = 4;

    private final TftpRequest request;
    private final InetSocketAddress client;
    private final DatagramSocket socket;
    private final PathResolver resolver;
    private final TftpSettings settings;
    private final TftpMetrics metrics;
    private final DatagramPacket incoming = new DatagramPacket(new byte[2048], 2048);
    private int ackedBlock;
    private String clientError;

    Transfer(TftpRequest request, InetSocketAddress client, DatagramSocket socket, PathResolver resolver,
             TftpSettings settings, TftpMetrics metrics) {
        this.request = request;
        this.client = client;
        this.socket = socket;
        this.resolver = resolver;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (SocketException e) {
            // The server is closing and closed this socket under us.
            log.debug("tftp {} to {}: socket closed", request.filename(), client);
        } catch (IOException | RuntimeException e) {
            metrics.transfersFailed.increment();
            log.warn("tftp {} to {}: {}", request.filename(), client, e.toString());
        }
    }

    private void serve() throws IOException {
        if (request.opcode() == TFTPPacket.WRITE_REQUEST) {
            refuse(new TftpRefusal(TFTPErrorPacket.ACCESS_VIOLATION, "read-only server"));
            return;
        }
        Path file;
        InputStream in;
        long size;
        try {
            file = resolver.resolve(request.filename());
            in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
            size = Files.size(file);
        } catch (TftpRefusal refusal) {
            refuse(refusal);
            return;
        } catch (NoSuchFileException e) {
            refuse(TftpRefusal.notFound());
            return;
        } catch (AccessDeniedException e) {
            refuse(TftpRefusal.accessViolation("Access violation: permission denied"));
            return;
        } catch (IOException e) {
            // A symlink swapped in after the check (NOFOLLOW_LINKS), a vanished file, an I/O error.
            refuse(TftpRefusal.accessViolation("Access violation: cannot open file"));
            return;
        }
        metrics.transfersStarted.increment();
        try (BlockSource source = new BlockSource(in, request.netascii())) {
            int sendable = Math.min(TftpSettings.BLKSIZE_LIMIT, socket.getSendBufferSize() - 4);
            Options options = Options.negotiate(request.options(), settings, request.netascii() ? -1 : size, sendable);
            if (!options.accepted().isEmpty() && !acknowledged(options)) {
                metrics.transfersFailed.increment();
                return;
            }
            if (send(source, options)) {
                metrics.transfersCompleted.increment();
                log.debug("tftp {} to {}: {} bytes, {}", request.filename(), client, size, options);
            } else {
                metrics.transfersFailed.increment();
            }
        }
    }

    /** Sends the OACK until the client acknowledges block 0; an ERROR rejects the options. */
    private boolean acknowledged(Options options) throws IOException {
        byte[] oack = options.oack();
        DatagramPacket packet = new DatagramPacket(oack, oack.length, client);
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (attempt > 0) {
                metrics.retransmissions.increment();
            }
            socket.send(packet);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.timeoutMs());
            Event event;
            while ((event = await(deadline)) == Event.ACK && ackedBlock != 0) {
                // An ACK for a data block we have not sent: ignore, keep waiting.
            }
            if (event == Event.ACK) {
                return true;
            }
            if (event == Event.ERROR) {
                log.info("tftp {} to {}: client rejected options {}: {}", request.filename(), client,
                        options.accepted(), clientError);
                return false;
            }
        }
        log.info("tftp {} to {}: no ACK for the OACK", request.filename(), client);
        return false;
    }

    private boolean send(BlockSource source, Options options) throws IOException {
        int blockSize = options.blockSize();
        int window = options.windowSize();
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.timeoutMs());
        // Each slot holds a whole DATA datagram, header included, so a block is read from the
        // file straight into what is sent and resent without another copy or allocation.
        DatagramPacket[] ring = new DatagramPacket[window];
        for (int slot = 0; slot < window; slot++) {
            byte[] datagram = new byte[DATA_HEADER + blockSize];
            datagram[1] = TFTPPacket.DATA;
            ring[slot] = new DatagramPacket(datagram, datagram.length, client);
        }
        long acked = 0;     // every block up to here is acknowledged
        long next = 1;      // the next block to send
        long produced = 0;  // the highest block read from the file
        long last = -1;     // the final (short) block, once read
        long rolledBackAt = -1; // the ACK that last made us resend, so its duplicates do not
        int retries = 0;
        while (true) {
            while (next <= acked + window && (last < 0 || next <= last)) {
                DatagramPacket data = ring[(int) (next % window)];
                if (next > produced) {
                    byte[] datagram = data.getData();
                    int length = source.next(datagram, DATA_HEADER, blockSize);
                    datagram[2] = (byte) (next >> 8);
                    datagram[3] = (byte) next;
                    data.setLength(DATA_HEADER + length);
                    produced = next;
                    if (length < blockSize) {
                        last = next;
                    }
                }
                socket.send(data);
                metrics.bytesSent.add(data.getLength() - DATA_HEADER);
                next++;
            }
            long deadline = System.nanoTime() + timeoutNanos;
            boolean progress = false;
            while (!progress) {
                Event event = await(deadline);
                if (event == Event.ERROR) {
                    log.info("tftp {} to {}: client aborted: {}", request.filename(), client, clientError);
                    return false;
                }
                if (event == Event.TIMEOUT) {
                    if (++retries > settings.maxRetries()) {
                        log.info("tftp {} to {}: timed out at block {}", request.filename(), client, acked + 1);
                        return false;
                    }
                    metrics.retransmissions.add(next - acked - 1);
                    rolledBackAt = acked;
                    next = acked + 1;
                    break;
                }
                long delta = (ackedBlock - acked) & 0xFFFF;
                if (delta == 0 && window > 1 && rolledBackAt != acked && next - 1 > acked) {
                    // RFC 7440: the client lost the window's first block and says so once.
                    metrics.retransmissions.add(next - acked - 1);
                    rolledBackAt = acked;
                    next = acked + 1;
                    break;
                }
                if (delta == 0 || acked + delta >= next) {
                    continue; // a duplicate or stale ACK: never answered (Sorcerer's Apprentice)
                }
                acked += delta;
                retries = 0;
                progress = true;
                if (acked == last) {
                    return true;
                }
                if (acked < next - 1) {
                    // The client lost the block after this one; the rest of the old window
                    // will make it repeat this ACK, which must not restart us again.
                    metrics.retransmissions.add(next - acked - 1);
                    rolledBackAt = acked;
                    next = acked + 1;
                }
            }
        }
    }

    /**
     * Waits for an ACK or ERROR from the client until the deadline. Datagrams from any other
     * address or port are answered error 5 and do not disturb the transfer; malformed ones
     * from the client are dropped.
     */
    private Event await(long deadline) throws IOException {
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Event.TIMEOUT;
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            incoming.setLength(incoming.getData().length);
            try {
                socket.receive(incoming);
            } catch (SocketTimeoutException e) {
                return Event.TIMEOUT;
            }
            byte[] data = incoming.getData();
            int length = incoming.getLength();
            boolean tftp = length >= 4 && data[0] == 0 && data[1] >= TFTPPacket.READ_REQUEST
                    && data[1] <= TFTPPacket.OACK;
            if (incoming.getPort() != client.getPort() || !incoming.getAddress().equals(client.getAddress())) {
                metrics.wrongTidPackets.increment();
                if (tftp && data[1] != TFTPPacket.ERROR) {
                    TftpServer.sendError(socket, incoming.getAddress(), incoming.getPort(),
                            TFTPErrorPacket.UNKNOWN_TID, "Unknown transfer ID");
                }
                continue;
            }
            if (tftp && data[1] == TFTPPacket.ACKNOWLEDGEMENT) {
                try {
                    ackedBlock = ((TFTPAckPacket) TFTPPacket.newTFTPPacket(incoming)).getBlockNumber();
                    return Event.ACK;
                } catch (TFTPPacketException | RuntimeException e) {
                    metrics.droppedPackets.increment();
                    continue;
                }
            }
            if (tftp && data[1] == TFTPPacket.ERROR) {
                clientError = describeError(incoming);
                return Event.ERROR;
            }
            metrics.droppedPackets.increment();
        }
    }

    private static String describeError(DatagramPacket packet) {
        try {
            TFTPErrorPacket error = (TFTPErrorPacket) TFTPPacket.newTFTPPacket(packet);
            return "error " + error.getError() + " " + printable(error.getMessage());
        } catch (TFTPPacketException | RuntimeException e) {
            return "malformed error packet";
        }
    }

    static String printable(String text) {
        String s = text.length() > 100 ? text.substring(0, 100) : text;
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private void refuse(TftpRefusal refusal) throws IOException {
        metrics.refusals.increment();
        log.info("tftp {} from {}: {} {}", printable(request.filename()), client, refusal.code(), refusal.getMessage());
        TftpServer.sendError(socket, client.getAddress(), client.getPort(), refusal.code(), refusal.getMessage());
    }
}
