package org.confluentcollective.cli.users;

import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.Environment;

/** A new password: from {@code CONFLUENT_NEW_PASSWORD}, or prompted for twice without echo. */
final class NewPassword {

    static final String VARIABLE = "CONFLUENT_NEW_PASSWORD";

    private NewPassword() {
    }

    static String obtain(Environment environment, String user) throws CliException {
        if (environment.variable(VARIABLE).isPresent()) {
            return environment.variable(VARIABLE).get();
        }
        String password = environment.prompter().readSecretTwice("New password for " + user + ": ",
                "Retype new password for " + user + ": ", "set " + VARIABLE + " instead");
        if (password.isEmpty()) {
            throw new CliException("the password may not be empty");
        }
        return password;
    }
}
