package org.confluentcollective.tftp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.net.tftp.TFTPPacket;

/**
 * The outcome of RFC 2347 option negotiation for one read transfer.
 *
 * @param blockSize  bytes per DATA block (512 unless blksize was accepted)
 * @param timeoutMs  retransmission timeout
 * @param windowSize blocks sent before waiting for an ACK (1 unless windowsize was accepted)
 * @param accepted   the options acknowledged, in request order; empty means no OACK is sent
 */
record Options(int blockSize, long timeoutMs, int windowSize, Map<String, String> accepted) {

    static final int DEFAULT_BLOCK = 512;

    /**
     * Accepts what the server can honour and silently drops the rest, as RFC 2347 lets a
     * server do: unknown options, unparsable numbers and values out of range are not echoed.
     *
     * @param fileSize      the size to answer for tsize, or -1 when unknown (netascii)
     * @param sendableBlock the largest block the transfer socket can send
     */
    static Options negotiate(Map<String, String> requested, TftpSettings settings, long fileSize, int sendableBlock) {
        int blockSize = DEFAULT_BLOCK;
        long timeoutMs = settings.timeout().toMillis();
        int windowSize = 1;
        Map<String, String> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : requested.entrySet()) {
            long value = number(option.getValue());
            switch (option.getKey()) {
                case "blksize" -> {
                    // RFC 2348: 8..65464; a larger request is answered with what we can do.
                    if (value >= 8) {
                        blockSize = (int) Math.min(value, Math.min(settings.maxBlockSize(), sendableBlock));
                        accepted.put("blksize", Integer.toString(blockSize));
                    }
                }
                case "tsize" -> {
                    // Not for an empty file: curl (7.88) rejects "tsize 0" in an OACK as invalid,
                    // from tftpd-hpa too; an unacknowledged tsize only leaves the size unknown.
                    if (value >= 0 && fileSize > 0) {
                        accepted.put("tsize", Long.toString(fileSize));
                    }
                }
                case "timeout" -> {
                    // RFC 2349: whole seconds, 1..255; the server must use it as given.
                    if (value >= 1 && value <= 255) {
                        timeoutMs = value * 1000;
                        accepted.put("timeout", Long.toString(value));
                    }
                }
                case "windowsize" -> {
                    if (value >= 1 && value <= TftpSettings.WINDOWSIZE_LIMIT) {
                        windowSize = (int) Math.min(value, settings.maxWindowSize());
                        accepted.put("windowsize", Integer.toString(windowSize));
                    }
                }
                default -> {
                    // Unknown options (multicast, utimeout, rollover, ...) are ignored.
                }
            }
        }
        return new Options(blockSize, timeoutMs, windowSize, java.util.Collections.unmodifiableMap(accepted));
    }

    /** The OACK datagram body: Commons Net has the opcode but no packet class for it. */
    byte[] oack() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(0);
        out.write(TFTPPacket.OACK);
        for (Map.Entry<String, String> option : accepted.entrySet()) {
            out.writeBytes(option.getKey().getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(option.getValue().getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Non-negative decimal up to 10 digits, else -1 (a huge value must not overflow). */
    private static long number(String text) {
        if (text.isEmpty() || text.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
