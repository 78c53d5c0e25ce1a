package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confluentcollective.server.collective.CollectiveStatus;
import org.confluentcollective.server.collective.CollectiveView;
import org.confluentcollective.server.collective.MemberStatus;

/**
 * {@code GET /collective/}: quorum, leader and members (role, address, version, liveness,
 * managed nodes). Answers without a quorum too, from the last state this member saw.
 */
@Path("collective")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class CollectiveResource {

    private final CollectiveView collective;

    @Inject
    public CollectiveResource(CollectiveView collective) {
        this.collective = collective;
    }

    @GET
    public ObjectNode show() {
        CollectiveStatus status = collective.status();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("quorum", status.quorum());
        if (status.leader() == null) {
            json.putNull("leader");
        } else {
            json.put("leader", status.leader());
        }
        ArrayNode members = json.putArray("members");
        for (MemberStatus member : status.members()) {
            members.addObject()
                    .put("name", member.name())
                    .put("role", member.role())
                    .put("address", member.address())
                    .put("version", member.version())
                    .put("live", member.live())
                    .put("managednodes", member.managedNodes());
        }
        return json;
    }
}
