package org.confluentcollective.web.transport;

import org.confluentcollective.web.auth.RequestOrigin;
import org.eclipse.jetty.server.Connector;
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
        request.setAttribute(RequestOrigin.ATTRIBUTE, originOf(request));
        request.setAttribute(RequestOrigin.ADDRESS_ATTRIBUTE, Request.getRemoteAddr(request));
        return super.handle(request, response, callback);
    }

    static RequestOrigin originOf(Request request) {
        Connector connector = request.getConnectionMetaData().getConnector();
        return connector instanceof UnixDomainServerConnector ? RequestOrigin.LOCAL_SOCKET
                : ApiServer.MEMBER_CONNECTOR.equals(connector.getName()) ? RequestOrigin.MEMBER
                : RequestOrigin.NETWORK;
    }
}
