package org.confluentcollective.cli.transport;

import java.util.List;

/** The daemon answered with an error status; {@link #getMessage()} is its error text. */
public final class ApiException extends Exception {

    private final int status;
    private final List<String> suggestions;

    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    /** @param suggestions names the server offers instead of an unknown one ({@code "suggestions"}) */
    public ApiException(int status, String message, List<String> suggestions) {
        super(message);
        this.status = status;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The HTTP status, which the contract also puts in the body as {@code errorcode}. */
    public int status() {
        return status;
    }

    /** What the server suggests instead of a name it does not know, closest first; often none. */
    public List<String> suggestions() {
        return suggestions;
    }
}
