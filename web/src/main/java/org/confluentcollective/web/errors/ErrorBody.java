package org.confluentcollective.web.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every error answer: {@code {"errorcode": N, "error": "..."}}. */
public record ErrorBody(int errorcode, String error) {

    public static Response.ResponseBuilder builder(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(status, message));
    }

    public static Response response(int status, String message) {
        return builder(status, message).build();
    }
}
