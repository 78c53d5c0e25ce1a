package org.confluentcollective.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

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
        err.println("Error: " + (e instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched)
                : withoutPrefix(e.getMessage())));
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
            err.println((bare ? "" : "Error: ") + api.getMessage() + Suggestions.didYouMean(api.suggestions())
                    + hint(api));
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
            // no class names: the message if there is one, the stack trace with --debug
            String message = e.getMessage() == null || e.getMessage().isBlank() ? "no details" : e.getMessage();
            err.println("Error: unexpected failure: " + message
                    + (debug.getAsBoolean() ? "" : " (run with --debug for details)"));
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

    /**
     * picocli's "Unmatched arguments from index 0: ..." in words: an unknown command (with the
     * commands nearest to it), an unknown option, or arguments the command does not take.
     */
    private static String unmatched(UnmatchedArgumentException e) {
        CommandLine command = e.getCommandLine();
        List<String> arguments = e.getUnmatched();
        if (arguments.isEmpty()) {
            return e.getMessage();
        }
        String first = arguments.get(0);
        if (first.startsWith("-") && e.isUnknownOption()) {
            List<String> options = new ArrayList<>();
            command.getCommandSpec().options().forEach(option -> options.addAll(List.of(option.names())));
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            return "unknown option '" + name + "'" + Suggestions.didYouMean(Suggestions.closest(name, options));
        }
        boolean takesCommands = !command.getSubcommands().isEmpty()
                && command.getCommandSpec().positionalParameters().isEmpty();
        if (takesCommands && !first.startsWith("-")) {
            Set<String> names = new LinkedHashSet<>();
            command.getSubcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    names.add(name);
                }
            });
            if (command.getCommandSpec().parent() == null) {
                names.addAll(OriginalTools.NAMES);
                return "unknown command '" + first + "'" + Suggestions.didYouMean(Suggestions.closest(first, names));
            }
            return "unknown command '" + first + "' of '" + command.getCommandSpec().qualifiedName() + "'"
                    + Suggestions.didYouMean(Suggestions.closest(first, names));
        }
        return (arguments.size() == 1 ? "unexpected argument " : "unexpected arguments ")
                + arguments.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "));
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
