package org.confluentcollective.web.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * Jersey's own refusals (no such path, wrong method or media type) rewritten as JSON errors
 * with a message that names what was wrong; headers such as {@code Allow} are kept.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;
    @Context
    private Request request;
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder answer = ErrorBody.builder(status, message(status, original));
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer.build();
    }

    private String message(int status, Response original) {
        String path = "/" + uri.getPath(false);
        return switch (status) {
            case 404 -> "no such resource: " + path;
            case 405 -> "method " + request.getMethod() + " is not supported on " + path
                    + allowed(original.getStringHeaders().get(HttpHeaders.ALLOW));
            case 406 -> "only application/json answers are available";
            case 415 -> "the request body must be JSON (Content-Type: application/json), not "
                    + (headers.getMediaType() == null ? "an unspecified type" : headers.getMediaType());
            default -> original.getStatusInfo().getReasonPhrase();
        };
    }

    private static String allowed(List<String> allow) {
        return allow == null || allow.isEmpty() ? "" : " (allowed: " + String.join(", ", allow) + ")";
    }
}
