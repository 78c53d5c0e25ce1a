package org.confluentcollective.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.confluentcollective.server.api.NodeRangeException;
import org.confluentcollective.server.api.RefusedInput;

/** A noderange that names nothing valid is, as in the original, "not found". */
public final class NodeRangeExceptionMapper implements ExceptionMapper<NodeRangeException> {

    @Override
    public Response toResponse(NodeRangeException e) {
        // A noderange refused for its cost is bad whatever the database holds.
        return ErrorBody.response(e instanceof RefusedInput ? 400 : 404, e.getMessage());
    }
}
