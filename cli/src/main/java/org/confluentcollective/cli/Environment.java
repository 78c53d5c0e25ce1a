package org.confluentcollective.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What confluentctl reads from the process around it, passed in so tests can supply their own.
 *
 * @param variables environment variables
 * @param home      the user's home directory (for {@code ~/.config/confluentctl})
 * @param prompter  how secrets are asked for
 */
public record Environment(Map<String, String> variables, Path home, Prompter prompter) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), Prompter.console());
    }

    /** A variable's value; an empty one counts as unset. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }
}
