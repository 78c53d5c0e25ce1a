package org.confluentcollective.cli.attributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.Environment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The ways {@code nodeattrib} and {@code nodegroupattrib} change attributes: {@code a=v} arguments,
 * or names with {@code -c} (clear), {@code -e} (values from the environment) or {@code -p} (prompted).
 */
public final class ChangeOptions {

    @ArgGroup(exclusive = true)
    private Mode mode = new Mode();

    static final class Mode {
        @Option(names = {"-c", "--clear"}, description = "clear the named attributes (globs allowed)")
        boolean clear;

        @Option(names = {"-e", "--environment"},
                description = "set the named attributes from environment variables named like them, "
                        + "dots as underscores (net.hostname: net_hostname or NET_HOSTNAME)")
        boolean environment;

        @Option(names = {"-p", "--prompt"},
                description = "prompt (twice, without echo) for the values of the named attributes; for secrets")
        boolean prompt;
    }

    /**
     * The changes the arguments ask for, or empty when they name attributes to show.
     *
     * @throws IllegalArgumentException when arguments mix assignments and names (a usage error)
     * @throws CliException             when a variable is missing or prompted entries differ
     */
    public Optional<AttributeChanges> resolve(List<String> arguments, Environment environment)
            throws CliException {
        if (mode.clear || mode.environment || mode.prompt) {
            List<AttributeAssignment> assignments = new ArrayList<>();
            for (String name : arguments) {
                if (AttributeAssignment.isAssignment(name)) {
                    throw new IllegalArgumentException("with -c, -e or -p give attribute names, not '" + name + "'");
                }
                assignments.add(mode.clear ? AttributeAssignment.clear(name)
                        : AttributeAssignment.text(name, mode.environment ? fromEnvironment(name, environment)
                                : prompted(name, environment)));
            }
            if (assignments.isEmpty()) {
                throw new IllegalArgumentException("name the attributes to change");
            }
            return Optional.of(new AttributeChanges(assignments));
        }
        long assignments = arguments.stream().filter(AttributeAssignment::isAssignment).count();
        if (assignments == 0) {
            return Optional.empty();
        }
        if (assignments < arguments.size()) {
            throw new IllegalArgumentException("either show attributes (names) or set them (attribute=value), "
                    + "not both at once");
        }
        return Optional.of(AttributeChanges.parse(arguments));
    }

    private static String fromEnvironment(String attribute, Environment environment) throws CliException {
        String variable = attribute.replace('.', '_');
        String upper = variable.toUpperCase(Locale.ROOT);
        return environment.variable(variable).or(() -> environment.variable(upper))
                .orElseThrow(() -> new CliException("neither " + variable + " nor " + upper
                        + " is set in the environment"));
    }

    private static String prompted(String attribute, Environment environment) throws CliException {
        return environment.prompter().readSecretTwice("Enter value for " + attribute + ": ",
                "Confirm value for " + attribute + ": ", "use -e and an environment variable instead");
    }
}
