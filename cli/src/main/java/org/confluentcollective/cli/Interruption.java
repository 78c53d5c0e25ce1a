package org.confluentcollective.cli;

import java.io.PrintWriter;
import org.confluentcollective.cli.transport.WritesInFlight;

/**
 * Ctrl-C (or another signal that ends the JVM) in the middle of a run: a shutdown hook ends the
 * process at once with status 130, as a shell does for SIGINT, before any thread can print a stack
 * trace. When a change had been sent and its answer not read, it says so on stderr: confluentd
 * may well have made the change (all the nodes of a large {@code nodedefine}), and silence would
 * suggest it did not.
 */
final class Interruption {

    static final int STATUS = 130;
    static final String CHANGE_IN_FLIGHT =
            "interrupted: the change may have been applied; check with nodelist/nodeattrib";

    private volatile boolean finished;

    private Interruption() {
    }

    /** Installs the hook; {@link #finished} before the normal exit turns it off. */
    static Interruption install(PrintWriter err) {
        Interruption interruption = new Interruption();
        Thread hook = new Thread(() -> interruption.interrupted(err), "confluentctl-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return interruption;
    }

    void finished() {
        finished = true;
    }

    private void interrupted(PrintWriter err) {
        if (finished) {
            return;
        }
        if (WritesInFlight.any()) {
            err.println();
            err.println(CHANGE_IN_FLIGHT);
        }
        err.flush();
        Runtime.getRuntime().halt(STATUS);
    }
}
