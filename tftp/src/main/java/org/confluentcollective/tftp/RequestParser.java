package org.confluentcollective.tftp;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.net.tftp.TFTPPacket;

/**
 * Parses RRQ/WRQ datagrams: opcode, filename NUL, mode NUL, then name NUL value NUL pairs.
 *
 * <p>Commons Net 3.12's {@code TFTPRequestPacket} does read options, but it reads the whole
 * backing array rather than the datagram's length (stale bytes of a reused buffer count as
 * data), can run past the array on an unterminated option, keys options case-sensitively in a
 * HashMap and decodes the filename byte by byte. Requests are what strangers send to port 69,
 * so they are parsed here, strictly, within the datagram's bounds.
 */
final class RequestParser {

    /** Requests with options can exceed 512 bytes (RFC 2347), but not by much in practice. */
    static final int MAX_REQUEST = 4096;

    private RequestParser() {
    }

    /** Is this datagram a request at all (as opposed to garbage, DATA, ACK, ERROR)? */
    static boolean looksLikeRequest(byte[] data, int offset, int length) {
        return length >= 2 && data[offset] == 0
                && (data[offset + 1] == TFTPPacket.READ_REQUEST || data[offset + 1] == TFTPPacket.WRITE_REQUEST);
    }

    static TftpRequest parse(byte[] data, int offset, int length) throws MalformedPacketException {
        if (!looksLikeRequest(data, offset, length)) {
            throw new MalformedPacketException("not a request");
        }
        if (length > MAX_REQUEST) {
            throw new MalformedPacketException("request too long");
        }
        int end = offset + length;
        int pos = offset + 2;
        int nul = nextNul(data, pos, end, "filename");
        String filename = new String(data, pos, nul - pos, StandardCharsets.ISO_8859_1);
        pos = nul + 1;
        nul = nextNul(data, pos, end, "mode");
        String mode = new String(data, pos, nul - pos, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!mode.equals("octet") && !mode.equals("netascii")) {
            throw new MalformedPacketException("unsupported mode");
        }
        pos = nul + 1;
        Map<String, String> options = new LinkedHashMap<>();
        while (pos < end) {
            nul = nextNul(data, pos, end, "option name");
            String name = new String(data, pos, nul - pos, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            pos = nul + 1;
            if (pos >= end) {
                // Some clients pad with a trailing NUL; a name without a value is tolerated then.
                if (name.isEmpty()) {
                    break;
                }
                throw new MalformedPacketException("option without value");
            }
            nul = nextNul(data, pos, end, "option value");
            String value = new String(data, pos, nul - pos, StandardCharsets.ISO_8859_1);
            pos = nul + 1;
            options.putIfAbsent(name, value);
        }
        if (filename.isEmpty()) {
            throw new MalformedPacketException("empty filename");
        }
        return new TftpRequest(data[offset + 1], filename, mode, Collections.unmodifiableMap(options));
    }

    private static int nextNul(byte[] data, int from, int end, String what) throws MalformedPacketException {
        for (int i = from; i < end; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        throw new MalformedPacketException("unterminated " + what);
    }
}
