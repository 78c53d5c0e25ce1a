package org.confluentcollective.dhcp;

/** A datagram that is no well-formed DHCP packet; the responder drops and counts it. */
public final class MalformedPacketException extends Exception {

    public MalformedPacketException(String message) {
        super(message, null, false, false);
    }
}
