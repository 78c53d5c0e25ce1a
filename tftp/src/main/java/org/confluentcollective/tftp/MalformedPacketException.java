package org.confluentcollective.tftp;

/** A datagram that is not a well-formed TFTP packet of the expected kind. */
final class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPacketException(String message) {
        super(message, null, false, false);
    }
}
