package org.confluentcollective.web.auth;

import java.security.Principal;
import org.confluentcollective.server.api.Role;

/** Who sent a request, as established by authentication. */
public record Caller(String name, Role role, RequestOrigin origin) implements Principal {

    /** Whoever can open the 0600 socket is root on this member. */
    public static Caller localRoot() {
        return new Caller("root", Role.ADMIN, RequestOrigin.LOCAL_SOCKET);
    }

    /** Another member, admitted by the member API's pinned mutual TLS: as trusted as local root. */
    public static Caller member() {
        return new Caller("member", Role.ADMIN, RequestOrigin.MEMBER);
    }

    /** A process enrolling with an invitation; may only read, and only reaches the enrollment. */
    public static Caller joiner() {
        return new Caller("joiner", Role.MONITOR, RequestOrigin.NETWORK);
    }

    @Override
    public String getName() {
        return name;
    }
}
