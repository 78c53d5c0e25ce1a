package org.confluentcollective.web.json;

import java.util.concurrent.TimeoutException;
import org.confluentcollective.web.errors.ApiException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body that could not be read, answered in the API's terms: a stalled or too slow body
 * 408, one Jetty refused while parsing it (a bad chunk size) with Jetty's status, a body cut short
 * 400. The client's fault, so one log line without a stack, never a 500.
 */
final class BodyReadFailure {

    private static final Logger LOG = LoggerFactory.getLogger(BodyReadFailure.class);

    private BodyReadFailure() {
    }

    static ApiException of(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
            if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                LOG.warn("request body abandoned or too slow, answered 408: {}", cause.getMessage());
                return new ApiException(408, "the request body did not arrive in time");
            }
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                LOG.info("request body refused with {}: {}", http.getCode(), http.getReason());
                return new ApiException(http.getCode(), "malformed request body: " + http.getReason());
            }
        }
        LOG.info("request body cut short, answered 400: {}", failure.toString());
        return new ApiException(400, "the request body ended before it was complete");
    }
}
