package org.confluentcollective.cli.users;

import java.util.Locale;

/** What a user may do, as the API names it. */
public enum UserRole {
    /** everything, including users */
    ADMIN,
    /** read, and change nodes and groups */
    OPERATOR,
    /** read only */
    MONITOR;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
