package org.confluentcollective.cli;

import java.util.concurrent.Callable;
import org.confluentcollective.cli.output.Output;
import org.confluentcollective.cli.transport.ApiClient;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A subcommand that talks to confluentd; {@link #call()} returns the exit status. */
public abstract class ApiCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    protected final Invocation invocation() {
        return ((ConfluentCtl) spec.root().userObject()).invocation();
    }

    protected final ApiClient api() throws CliException, ConnectionException {
        return invocation().api();
    }

    protected final Output output() {
        return invocation().output();
    }

    /** A usage error found after parsing: reported like picocli's own, exit status 2. */
    protected final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    protected static int status(boolean failed) {
        return failed ? ExitCode.FAILED : ExitCode.OK;
    }
}
