package org.confluentcollective.cli;

/** Asks the person at the terminal for a secret, without echo. */
@FunctionalInterface
public interface Prompter {

    /**
     * @throws CliException when there is no terminal to ask on
     */
    String readSecret(String prompt) throws CliException;

    /** Prompts on the process's console ({@link java.io.Console}). */
    static Prompter console() {
        return prompt -> {
            java.io.Console console = System.console();
            if (console == null) {
                throw new CliException("cannot prompt for \"" + prompt.strip()
                        + "\": no terminal (provide the value through the environment instead)");
            }
            char[] secret = console.readPassword("%s", prompt);
            if (secret == null) {
                throw new CliException("no input for \"" + prompt.strip() + "\"");
            }
            return new String(secret);
        };
    }

    /** Asks twice and insists both answers match, as for a new password. */
    default String readSecretTwice(String prompt, String confirmPrompt) throws CliException {
        String first = readSecret(prompt);
        String second = readSecret(confirmPrompt);
        if (!first.equals(second)) {
            throw new CliException("the two entries did not match");
        }
        return first;
    }
}
