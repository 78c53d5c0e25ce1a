package org.confluentcollective.web.auth;

import java.security.Principal;
import org.confluentcollective.server.users.Role;

/** Who sent a request, as established by authentication. */
public record Caller(String name, Role role, RequestOrigin origin) implements Principal {

    /** Whoever can open the 0600 socket is root on this member. */
    public static Caller localRoot() {
        return new Caller("root", Role.ADMIN, RequestOrigin.LOCAL_SOCKET);
    }

    @Override
    public String getName() {
        return name;
    }
}
