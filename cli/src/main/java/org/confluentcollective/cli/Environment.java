package org.confluentcollective.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What confluentctl reads from the process around it, passed in so tests can supply their own.
 *
 * @param variables environment variables
 * @param home      the user's home directory (for {@code ~/.config/confluentctl})
 * @param prompter  how secrets are asked for
 * @param stdin     the standard input ({@code collate} reads it)
 */
public record Environment(Map<String, String> variables, Path home, Prompter prompter, InputStream stdin) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** With the process's standard input. */
    public Environment(Map<String, String> variables, Path home, Prompter prompter) {
        this(variables, home, prompter, System.in);
    }

    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), Prompter.console());
    }

    /** The same, except that asking for a secret fails at once (for completion, which must never prompt). */
    public Environment withoutPrompts() {
        return new Environment(variables, home, (prompt, alternative) -> {
            throw new CliException("not prompting for \"" + prompt.strip() + "\" here; " + alternative);
        }, stdin);
    }

    /** A variable's value; an empty one counts as unset. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }
}
