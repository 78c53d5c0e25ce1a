package org.confluentcollective.web.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.confluentcollective.server.api.RequestException;

/**
 * The database's refusals, with the status their kind stands for; and back, the kind of another
 * member's refusal (the member channel), from the same table.
 */
public final class RequestExceptionMapper implements ExceptionMapper<RequestException> {

    @Override
    public Response toResponse(RequestException e) {
        int status = status(e.kind());
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, e.getMessage(), e.suggestions())).build();
    }

    public static int status(RequestException.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
            case OUTCOME_UNKNOWN -> 504;
        };
    }

    /**
     * The kind of a refusal answered with {@code status} by another member: the inverse of
     * {@link #status}, 401 being a refusal too. Anything else, an unknown outcome included, is
     * UNAVAILABLE: the request did not get through and may be tried again.
     */
    public static RequestException.Kind refusalKind(int status) {
        if (status == 401) {
            return RequestException.Kind.FORBIDDEN;
        }
        for (RequestException.Kind kind : RequestException.Kind.values()) {
            if (kind != RequestException.Kind.OUTCOME_UNKNOWN && status(kind) == status) {
                return kind;
            }
        }
        return RequestException.Kind.UNAVAILABLE;
    }
}
