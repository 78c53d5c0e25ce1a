package org.confluentcollective.server.api;

import java.util.List;

/**
 * A request that cannot be carried out, with the kind of failure the caller made or met.
 * The message names the problem in words an administrator understands; the web layer turns
 * the kind into an HTTP status and the CLI into a non-zero exit.
 */
public class RequestException extends RuntimeException {

    /** Why the request failed, independent of any transport. */
    public enum Kind {
        /** Malformed input, invalid attribute or value, bad expression. */
        BAD_REQUEST,
        /** Unknown node, group, user or path; bad noderange. */
        NOT_FOUND,
        /** The target already exists, or a concurrent change won. */
        CONFLICT,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The change would make a stored record larger than the database holds; nothing was changed. */
        TOO_LARGE,
        /** The collective cannot serve the request now (e.g. no quorum); nothing was changed. */
        UNAVAILABLE,
        /**
         * The change was sent, then the connection to the collective was lost before its answer:
         * it may or may not have been made. Read it back with a consistent read.
         */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;
    private final List<String> suggestions;

    public RequestException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** @param suggestions names to offer instead of an unknown one (the answer's {@code "suggestions"}) */
    public RequestException(Kind kind, String message, List<String> suggestions) {
        super(message);
        this.kind = kind;
        this.suggestions = List.copyOf(suggestions);
    }

    public RequestException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.suggestions = List.of();
    }

    public Kind kind() {
        return kind;
    }

    /** Names the caller may have meant instead of an unknown one, closest first; usually none. */
    public List<String> suggestions() {
        return suggestions;
    }

    /** {@code NAME attribute is invalid}, with the catalog names nearest to it. */
    public static RequestException unknownAttribute(String name, List<String> suggestions) {
        return new RequestException(Kind.BAD_REQUEST, name + " attribute is invalid", suggestions);
    }

    public static RequestException badRequest(String message) {
        return new RequestException(Kind.BAD_REQUEST, message);
    }

    public static RequestException notFound(String message) {
        return new RequestException(Kind.NOT_FOUND, message);
    }

    /** The change was sent but its outcome is unknown (see {@link Kind#OUTCOME_UNKNOWN}). */
    public static RequestException outcomeUnknown(String detail) {
        return new RequestException(Kind.OUTCOME_UNKNOWN, "outcome unknown: " + detail
                + "; the change may or may not have been made: read it back with ?consistent=true");
    }

    public static RequestException tooLarge(String message) {
        return new RequestException(Kind.TOO_LARGE, message);
    }

    public static RequestException conflict(String message) {
        return new RequestException(Kind.CONFLICT, message);
    }
}
