package org.confluentcollective.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bug or an unexpected failure: logged with its stack here, never shown to the client. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        LOG.error("request failed unexpectedly", e);
        return ErrorBody.response(500, "internal server error; the server log has the details");
    }
}
