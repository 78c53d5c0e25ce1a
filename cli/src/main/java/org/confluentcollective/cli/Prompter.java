package org.confluentcollective.cli;

import java.io.Console;

/** Asks the person at the terminal for a secret, without echo. */
@FunctionalInterface
public interface Prompter {

    /**
     * @param prompt      what to show
     * @param alternative how else the value can be given, for the message when there is no terminal
     * @throws CliException when there is no terminal to ask on
     */
    String readSecret(String prompt, String alternative) throws CliException;

    /** Prompts on the process's console ({@link Console}). */
    static Prompter console() {
        return (prompt, alternative) -> {
            Console console = System.console();
            if (console == null) {
                throw new CliException("no terminal to ask \"" + prompt.strip() + "\" on; " + alternative);
            }
            char[] secret = console.readPassword("%s", prompt);
            if (secret == null) {
                throw new CliException("no input for \"" + prompt.strip() + "\"");
            }
            return new String(secret);
        };
    }

    /** Asks twice and insists both answers match, as for a new password. */
    default String readSecretTwice(String prompt, String confirmPrompt, String alternative) throws CliException {
        String first = readSecret(prompt, alternative);
        String second = readSecret(confirmPrompt, alternative);
        if (!first.equals(second)) {
            throw new CliException("the two entries did not match");
        }
        return first;
    }
}
