package org.confluentcollective.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.confluentcollective.server.api.RequestException;

/** The database's refusals, with the status their kind stands for. */
public final class RequestExceptionMapper implements ExceptionMapper<RequestException> {

    @Override
    public Response toResponse(RequestException e) {
        return ErrorBody.response(status(e.kind()), e.getMessage());
    }

    static int status(RequestException.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
            case OUTCOME_UNKNOWN -> 504;
        };
    }
}
