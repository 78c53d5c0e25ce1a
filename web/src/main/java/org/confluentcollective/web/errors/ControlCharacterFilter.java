package org.confluentcollective.web.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses a path holding a control character (percent-encoded, since the request line cannot
 * carry one raw) with a 400 that names it. Jetty's own check for "suspicious" characters is off
 * so that blanks reach the noderange parser, which ignores them around operators (noderange.md
 * §13.4); control characters are never part of a name or noderange.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class ControlCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                request.abortWith(ErrorBody.response(400, String.format(
                        "the path holds the control character U+%04X at position %d (after '%s'); "
                                + "names and noderanges cannot contain control characters",
                        (int) c, i + 1, path.substring(Math.max(0, i - 20), i))));
                return;
            }
        }
    }
}
