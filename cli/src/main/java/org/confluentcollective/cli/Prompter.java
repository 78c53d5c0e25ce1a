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

    /**
     * Asks a question whose answer may be seen (a y/n confirmation). Prompters that only know
     * secrets (tests) answer it like one.
     *
     * @throws CliException when there is no terminal to ask on
     */
    default String readLine(String prompt, String alternative) throws CliException {
        return readSecret(prompt, alternative);
    }

    /** Prompts on the process's console ({@link Console}). */
    static Prompter console() {
        return new Prompter() {
            @Override
            public String readSecret(String prompt, String alternative) throws CliException {
                char[] secret = terminal(prompt, alternative).readPassword("%s", prompt);
                if (secret == null) {
                    throw new CliException("no input for \"" + prompt.strip() + "\"");
                }
                return new String(secret);
            }

            @Override
            public String readLine(String prompt, String alternative) throws CliException {
                String line = terminal(prompt, alternative).readLine("%s", prompt);
                return line == null ? "" : line;
            }

            private Console terminal(String prompt, String alternative) throws CliException {
                Console console = System.console();
                if (console == null) {
                    throw new CliException("no terminal to ask \"" + prompt.strip() + "\" on; " + alternative);
                }
                return console;
            }
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
