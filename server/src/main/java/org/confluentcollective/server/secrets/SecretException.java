package org.confluentcollective.server.secrets;

/**
 * A sealed secret that cannot be opened: malformed, altered, sealed for another context or with
 * another collective key. The message names the problem, never the secret.
 */
public class SecretException extends IllegalArgumentException {
    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
