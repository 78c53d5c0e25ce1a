package org.confluentcollective.tftp;

import org.apache.commons.net.tftp.TFTPErrorPacket;

/** A request answered with a TFTP ERROR packet: the code and text the client sees. */
final class TftpRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;

    TftpRefusal(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static TftpRefusal notFound() {
        return new TftpRefusal(TFTPErrorPacket.FILE_NOT_FOUND, "File not found");
    }

    static TftpRefusal accessViolation(String why) {
        return new TftpRefusal(TFTPErrorPacket.ACCESS_VIOLATION, why);
    }

    int code() {
        return code;
    }
}
