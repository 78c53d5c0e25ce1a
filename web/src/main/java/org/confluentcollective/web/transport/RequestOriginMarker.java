package org.confluentcollective.web.transport;

import org.confluentcollective.web.auth.RequestOrigin;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Marks each request with the connector it arrived on; authentication trusts this mark, which
 * no client can set, instead of anything in the request.
 */
final class RequestOriginMarker extends Handler.Wrapper {

    RequestOriginMarker(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean local = request.getConnectionMetaData().getConnector() instanceof UnixDomainServerConnector;
        request.setAttribute(RequestOrigin.ATTRIBUTE, local ? RequestOrigin.LOCAL_SOCKET : RequestOrigin.NETWORK);
        return super.handle(request, response, callback);
    }
}
