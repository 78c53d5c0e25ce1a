package org.confluentcollective.cli;

/** A problem found on this side (bad input file, missing variable, no terminal); reported as {@code Error: ...}. */
public final class CliException extends Exception {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
