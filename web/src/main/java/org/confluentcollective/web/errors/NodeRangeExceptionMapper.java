package org.confluentcollective.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.confluentcollective.server.noderange.NodeRangeException;

/** A noderange that names nothing valid is, as in the original, "not found". */
public final class NodeRangeExceptionMapper implements ExceptionMapper<NodeRangeException> {

    @Override
    public Response toResponse(NodeRangeException e) {
        return ErrorBody.response(404, e.getMessage());
    }
}
