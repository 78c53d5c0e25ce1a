package org.confluentcollective.web.errors;

/**
 * A failure that only the HTTP layer knows about (body too large, missing credentials...),
 * carrying its status; failures of the database itself are RequestExceptions.
 */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
