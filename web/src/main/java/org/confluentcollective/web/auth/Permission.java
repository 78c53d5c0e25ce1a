package org.confluentcollective.web.auth;

import org.confluentcollective.server.api.Role;

/** What a resource method needs from its caller. */
public enum Permission {
    READ,
    WRITE,
    ADMINISTER;

    public boolean grantedTo(Role role) {
        return switch (this) {
            case READ -> true;
            case WRITE -> role.mayWrite();
            case ADMINISTER -> role.mayAdminister();
        };
    }
}
