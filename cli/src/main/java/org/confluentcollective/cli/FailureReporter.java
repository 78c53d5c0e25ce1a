package org.confluentcollective.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Reports failures as one {@code Error: ...} line and chooses the exit status; stack traces only with --debug. */
final class FailureReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final BooleanSupplier debug;

    FailureReporter(BooleanSupplier debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("Error: " + e.getMessage());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        traceIfDebugging(err, e);
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int status;
        if (e instanceof ApiException api) {
            status = api.status() == 401 || api.status() == 403 ? ExitCode.DENIED : ExitCode.FAILED;
            err.println("Error: " + api.getMessage() + hint(api));
        } else if (e instanceof ConnectionException) {
            status = ExitCode.UNREACHABLE;
            err.println("Error: " + e.getMessage());
        } else if (e instanceof CliException) {
            status = ExitCode.FAILED;
            err.println("Error: " + e.getMessage());
        } else {
            status = ExitCode.FAILED;
            err.println("Error: " + e + (debug.getAsBoolean() ? "" : " (run with --debug for details)"));
        }
        traceIfDebugging(err, e);
        return status;
    }

    private static String hint(ApiException e) {
        return e.status() == 401 ? "; give --user NAME (or CONFLUENT_USER) and the right password" : "";
    }

    private void traceIfDebugging(PrintWriter err, Exception e) {
        if (debug.getAsBoolean()) {
            e.printStackTrace(err);
        }
    }
}
