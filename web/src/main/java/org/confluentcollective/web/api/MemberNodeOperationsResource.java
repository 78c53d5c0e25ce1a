package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.confluentcollective.server.api.NodeOperations;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.web.auth.Caller;
import org.confluentcollective.web.auth.RequestOrigin;

/**
 * {@code POST /collective/nodeoperations}: runs a share of a node operation that another member
 * forwarded here ({@link ForwardedShare}), answered as {@code databynode}. Members only: the share
 * is run without forwarding it again, and node lists bypass noderange checks, so no user may
 * send one.
 */
@Path("collective/nodeoperations")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class MemberNodeOperationsResource {

    private final NodeOperationRequests requests;

    @Inject
    public MemberNodeOperationsResource(NodeOperations operations) {
        this.requests = new NodeOperationRequests(operations);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode run(JsonNode body, @Context SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof Caller caller) || caller.origin() != RequestOrigin.MEMBER) {
            throw new RequestException(RequestException.Kind.FORBIDDEN,
                    "node operations are forwarded only by members, over the member API");
        }
        ForwardedShare share = ForwardedShare.of(body);
        return NodeOperationRequests.dataByNode(requests.run(share.operation(), share.nodes(), true));
    }
}
