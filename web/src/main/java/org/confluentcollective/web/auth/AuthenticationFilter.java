package org.confluentcollective.web.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.confluentcollective.server.api.UserDirectory;
import org.confluentcollective.server.api.UserInfo;
import org.confluentcollective.web.errors.ErrorBody;

/**
 * Establishes the caller before any matching, so an unauthenticated client learns nothing,
 * not even which paths exist: local socket = root, otherwise HTTP Basic against the users.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"confluent\"";
    static final String ENROLL_PATH = "collective/enroll";

    private final UserDirectory users;
    private final LoginThrottle throttle;
    private final RequestsInProgress inProgress;

    public AuthenticationFilter(UserDirectory users, LoginThrottle throttle, RequestsInProgress inProgress) {
        this.users = users;
        this.throttle = throttle;
        this.inProgress = inProgress;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestOrigin origin = RequestOrigin.of(request.getProperty(RequestOrigin.ATTRIBUTE));
        if (origin == RequestOrigin.LOCAL_SOCKET) {
            request.setSecurityContext(new CallerSecurityContext(Caller.localRoot()));
            return;
        }
        if (origin == RequestOrigin.MEMBER) {
            request.setSecurityContext(new CallerSecurityContext(Caller.member()));
            return;
        }
        if (isEnrollment(request)) {
            // A joining member has no password: its invitation proof, checked by the resource, is the credential.
            request.setSecurityContext(new CallerSecurityContext(Caller.joiner()));
            return;
        }
        Optional<BasicCredentials> credentials =
                BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            request.abortWith(unauthorized("authentication required: send a user and password (HTTP Basic)"));
            return;
        }
        BasicCredentials given = credentials.get();
        String address = String.valueOf(request.getProperty(RequestOrigin.ADDRESS_ATTRIBUTE));
        Optional<Duration> wait = throttle.waitBefore(given.user(), address);
        if (wait.isPresent()) {
            given.erase();
            // Answered at once, password unchecked: guessing costs neither a thread nor a hash.
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            request.abortWith(ErrorBody.builder(429, "too many failed logins for user " + given.user()
                    + " or from this address; try again in " + seconds + " s")
                    .header(HttpHeaders.RETRY_AFTER, seconds).build());
            return;
        }
        Optional<UserInfo> user;
        try {
            user = users.authenticate(given.user(), given.password());
        } finally {
            given.erase();
        }
        if (user.isEmpty()) {
            throttle.failed(given.user(), address);
            request.abortWith(unauthorized("wrong user name or password"));
            return;
        }
        throttle.succeeded(given.user(), address);
        Caller caller = new Caller(user.get().name(), user.get().role(), RequestOrigin.NETWORK);
        if (!inProgress.admit(request, caller.name())) {
            request.abortWith(ErrorBody.builder(429, "user " + caller.name() + " already has "
                    + inProgress.perUser() + " requests in progress, the most one user may have; try again when one"
                    + " has ended").header(HttpHeaders.RETRY_AFTER, 1).build());
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(caller));
    }

    private static boolean isEnrollment(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        return "POST".equals(request.getMethod())
                && (path.equals(ENROLL_PATH) || path.equals("/" + ENROLL_PATH));
    }

    private static Response unauthorized(String message) {
        return ErrorBody.builder(401, message).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
