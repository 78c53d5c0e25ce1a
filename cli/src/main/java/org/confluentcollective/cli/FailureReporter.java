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
        err.println("Error: " + withoutPrefix(e.getMessage()));
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
            // the original nodelist, nodedefine, noderemove... print the server's text bare
            boolean bare = command.getCommand() instanceof OriginalErrors && api.status() != 401 && api.status() != 403;
            err.println((bare ? "" : "Error: ") + api.getMessage() + hint(api));
        } else if (e instanceof ConnectionException) {
            status = ExitCode.UNREACHABLE;
            err.println("Error: " + e.getMessage());
        } else if (e instanceof CliException) {
            status = ExitCode.FAILED;
            err.println("Error: " + e.getMessage());
        } else if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            status = ExitCode.FAILED; // local input that cannot be sent (an empty noderange)
            err.println("Error: " + e.getMessage());
        } else {
            // no Java class names for users: the message, or what kind of failure it was
            status = ExitCode.FAILED;
            String text = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                    : "an unexpected internal failure";
            err.println("Error: " + text + (debug.getAsBoolean() ? "" : " (run with --debug for details)"));
        }
        traceIfDebugging(err, e);
        return status;
    }

    /** picocli's own messages sometimes start with "Error: " already: one prefix is enough. */
    private static String withoutPrefix(String message) {
        String text = message == null ? "" : message;
        while (text.startsWith("Error: ")) {
            text = text.substring("Error: ".length());
        }
        return text;
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
