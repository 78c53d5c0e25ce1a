package org.confluentcollective.cli.parallel;

import java.util.Map;

/** What nodeshell and noderun make of the processes' output: lines as they come, or JSON at the end. */
interface Results extends FanOut.Listener {

    /** Nodes left out because their command or name could not be evaluated (already said on stderr). */
    default void notRun(Map<String, String> errors) {
    }

    /** Every process has ended. */
    default void end() {
    }

    /** Whether a process failed or exited non-zero. */
    boolean anyFailed();
}
