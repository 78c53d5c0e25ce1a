package org.confluentcollective.web.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one shape of every error answer: {@code {"errorcode": N, "error": "..."}}, plus
 * {@code "suggestions": [...]} when the server can name what an unknown name may have meant.
 */
public record ErrorBody(int errorcode, String error,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> suggestions) {

    public ErrorBody(int errorcode, String error) {
        this(errorcode, error, List.of());
    }

    public static Response.ResponseBuilder builder(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(status, message));
    }

    public static Response response(int status, String message) {
        return builder(status, message).build();
    }
}
