package org.confluentcollective.cli.transport;

/** The daemon could not be reached, or its certificate was not trusted; the message says what to do. */
public final class ConnectionException extends Exception {

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
