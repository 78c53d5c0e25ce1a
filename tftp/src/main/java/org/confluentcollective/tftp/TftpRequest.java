package org.confluentcollective.tftp;

import java.util.Map;

/**
 * A parsed RRQ or WRQ.
 *
 * @param opcode   {@code TFTPPacket.READ_REQUEST} or {@code TFTPPacket.WRITE_REQUEST}
 * @param filename as sent (bytes decoded as ISO-8859-1, so every byte survives to path checks)
 * @param mode     "octet" or "netascii", lower case
 * @param options  RFC 2347 options in request order, names lower case, first occurrence wins
 */
record TftpRequest(int opcode, String filename, String mode, Map<String, String> options) {

    boolean netascii() {
        return "netascii".equals(mode);
    }
}
