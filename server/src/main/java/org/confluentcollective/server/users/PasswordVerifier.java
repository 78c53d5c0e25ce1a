package org.confluentcollective.server.users;

/** Checks a password against its stored hash; {@link PasswordHasher} is the real one. */
@FunctionalInterface
public interface PasswordVerifier {
    /** True if {@code password} matches {@code stored}; false for any malformed input. */
    boolean verify(char[] password, String stored);
}
