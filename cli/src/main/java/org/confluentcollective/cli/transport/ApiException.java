package org.confluentcollective.cli.transport;

/** The daemon answered with an error status; {@link #getMessage()} is its error text. */
public final class ApiException extends Exception {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, which the contract also puts in the body as {@code errorcode}. */
    public int status() {
        return status;
    }
}
