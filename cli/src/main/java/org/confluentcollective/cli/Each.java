package org.confluentcollective.cli;

import org.confluentcollective.cli.output.Output;
import org.confluentcollective.cli.transport.ApiException;

/** For commands that act on each of a comma list in turn and go on after a refusal, as the originals. */
public final class Each {

    private Each() {
    }

    /**
     * Prints a refusal of one item bare, as the original tools do, and returns true (failed);
     * a refusal of the user (401, 403) ends the command instead.
     */
    public static boolean reportOrRethrow(ApiException e, Output output) throws ApiException {
        if (e.status() == 401 || e.status() == 403) {
            throw e;
        }
        output.err().println(e.getMessage());
        return true;
    }
}
