package org.confluentcollective.cli;

/** Process exit statuses, listed in {@code confluentctl --help}. */
public final class ExitCode {

    public static final int OK = 0;
    /** The server refused the request, a node reported an error, or local input was wrong. */
    public static final int FAILED = 1;
    /**
     * The command line itself is wrong (picocli's usage errors): 1, as the original tools exit
     * on a usage error, so scripts testing for 1 keep working.
     */
    public static final int USAGE = 1;
    /** confluentd could not be reached, or its certificate was not the pinned one. */
    public static final int UNREACHABLE = 3;
    /** Authentication failed or the user's role does not allow the request (HTTP 401/403). */
    public static final int DENIED = 4;

    private ExitCode() {
    }
}
