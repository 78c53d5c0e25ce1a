package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.confluentcollective.server.api.DiscoveredClient;
import org.confluentcollective.server.api.MacAddress;
import org.confluentcollective.server.api.PxeDiscovery;
import org.confluentcollective.server.api.RequestException;

/**
 * {@code /discovery/}: this member's PXE discovery records ({@code nodediscover}), the unknown
 * clients its DHCP responder saw boot. Per member, as the original's. Reading is for every role;
 * assigning writes the node (and needs a quorum), deleting forgets a record.
 */
@Path("discovery")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class DiscoveryResource {

    private final PxeDiscovery discovery;

    @Inject
    public DiscoveryResource(PxeDiscovery discovery) {
        this.discovery = discovery;
    }

    /** The selectors this member knows (only {@code by-mac/}), and the records as {@code by-mac/} lists them. */
    @GET
    public ObjectNode root() {
        ObjectNode answer = Links.collection(List.of("by-mac/"));
        answer.set("discovered", records(discovery.list()));
        return answer;
    }

    /** Items {@code aa-bb-cc-dd-ee-ff} and {@code "discovered":[{mac, architecture, uuid, ...}]}, the most recently seen last. */
    @GET
    @Path("by-mac")
    public ObjectNode byMac() {
        List<DiscoveredClient> clients = discovery.list();
        ObjectNode answer = Links.collection(clients.stream().map(client -> href(client.mac())).toList());
        answer.set("discovered", records(clients));
        return answer;
    }

    @GET
    @Path("by-mac/{mac}")
    public ObjectNode record(@PathParam("mac") String mac) {
        return json(discovery.find(normal(mac)).orElseThrow(() -> notSeen(mac)));
    }

    /** {@code {"node":"n1"}} → {@code {"assigned":"n1","attribute":"net.hwaddr"}}. */
    @PUT
    @Path("by-mac/{mac}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode assign(@PathParam("mac") String mac, JsonNode body) {
        String node = Bodies.requiredText(Bodies.object(body), "node");
        String attribute = discovery.assign(normal(mac), node);
        return JsonNodeFactory.instance.objectNode().put("assigned", node).put("attribute", attribute);
    }

    @DELETE
    @Path("by-mac/{mac}")
    public ObjectNode forget(@PathParam("mac") String mac) {
        String normal = normal(mac);
        if (!discovery.forget(normal)) {
            throw notSeen(mac);
        }
        return JsonNodeFactory.instance.objectNode().put("deleted", normal);
    }

    private static String normal(String mac) {
        return MacAddress.normalise(mac).orElseThrow(() -> RequestException.badRequest(mac + " is no MAC address"));
    }

    private static RequestException notSeen(String mac) {
        return RequestException.notFound("this member has not seen " + normal(mac) + " boot");
    }

    /** As the original's by-mac hrefs: dashes, since a colon reads badly in a path. */
    private static String href(String mac) {
        return mac.replace(':', '-');
    }

    private static ArrayNode records(List<DiscoveredClient> clients) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        clients.forEach(client -> list.add(json(client)));
        return list;
    }

    static ObjectNode json(DiscoveredClient client) {
        ObjectNode record = JsonNodeFactory.instance.objectNode().put("mac", client.mac());
        record.putArray("macs").add(client.mac());
        record.putArray("types").add("pxe-client");
        record.put("architecture", client.architectureName()).put("arch", client.architecture())
                .put("uuid", client.uuid()).put("firstseen", client.firstSeen().toString())
                .put("lastseen", client.lastSeen().toString());
        return record;
    }
}
