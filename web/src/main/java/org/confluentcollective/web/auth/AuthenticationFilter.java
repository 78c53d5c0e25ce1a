package org.confluentcollective.web.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.confluentcollective.server.users.UserDirectory;
import org.confluentcollective.server.users.UserInfo;
import org.confluentcollective.web.errors.ErrorBody;

/**
 * Establishes the caller before any matching, so an unauthenticated client learns nothing,
 * not even which paths exist: local socket = root, otherwise HTTP Basic against the users.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"confluent\"";

    private final UserDirectory users;

    public AuthenticationFilter(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (RequestOrigin.of(request.getProperty(RequestOrigin.ATTRIBUTE)) == RequestOrigin.LOCAL_SOCKET) {
            request.setSecurityContext(new CallerSecurityContext(Caller.localRoot()));
            return;
        }
        Optional<BasicCredentials> credentials =
                BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            request.abortWith(unauthorized("authentication required: send a user and password (HTTP Basic)"));
            return;
        }
        BasicCredentials given = credentials.get();
        Optional<UserInfo> user;
        try {
            user = users.authenticate(given.user(), given.password());
        } finally {
            given.erase();
        }
        if (user.isEmpty()) {
            request.abortWith(unauthorized("wrong user name or password"));
            return;
        }
        Caller caller = new Caller(user.get().name(), user.get().role(), RequestOrigin.NETWORK);
        request.setSecurityContext(new CallerSecurityContext(caller));
    }

    private static Response unauthorized(String message) {
        return ErrorBody.builder(401, message).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
