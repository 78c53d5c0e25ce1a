package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.confluentcollective.server.api.CollectiveAdministration;
import org.confluentcollective.server.api.ManagerAssignment;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.UnmanagedNodes;
import org.confluentcollective.server.api.EnrollRequest;
import org.confluentcollective.server.api.Enrollment;
import org.confluentcollective.server.api.InviteToken;
import org.confluentcollective.web.auth.Allowed;
import org.confluentcollective.web.channel.EnrollMessage;
import org.confluentcollective.web.transport.AfterAnswer;
import org.confluentcollective.web.auth.Caller;
import org.confluentcollective.web.auth.Permission;
import org.confluentcollective.web.auth.RequestOrigin;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confluentcollective.server.api.CollectiveStatus;
import org.confluentcollective.server.api.CollectiveView;
import org.confluentcollective.server.api.MemberStatus;

/**
 * The collective: {@code GET /collective/} shows quorum, leader and members (role, address,
 * version, liveness, managed nodes, ZooKeeper role) and the unmanaged nodes, without a quorum too,
 * from the last state this member saw; {@code unmanaged} lists those nodes and {@code rebalance}
 * spreads nodes over their live candidates again.
 * Invitations, enrollment, join, delete and recovery change who is in it.
 */
@Path("collective")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class CollectiveResource {

    private static final Set<String> INVITE_KEYS = Set.of("name", "ttl");
    private static final Set<String> JOIN_KEYS = Set.of("server", "token");
    private static final Set<String> RECOVER_KEYS = Set.of("force");
    private static final String CLIENT_CERTIFICATE = "jakarta.servlet.request.X509Certificate";

    private final CollectiveView collective;
    private final CollectiveAdministration administration;
    private final ManagerAssignment managers;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public CollectiveResource(CollectiveView collective, CollectiveAdministration administration,
                              ManagerAssignment managers) {
        this.collective = collective;
        this.administration = administration;
        this.managers = managers;
    }

    /**
     * {@code GET /collective/unmanaged}: nodes whose manager is not live (after failover, those
     * without a live candidate), naturally sorted.
     */
    @GET
    @Path("unmanaged")
    public ObjectNode unmanaged() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode nodes = answer.putArray("unmanaged");
        managers.unmanaged().nodes().forEach(nodes::add);
        return answer;
    }

    /** {@code POST /collective/rebalance}: spreads nodes evenly over their live candidates again. */
    @POST
    @Path("rebalance")
    @Allowed(Permission.ADMINISTER)
    public ObjectNode rebalance() {
        return JsonNodeFactory.instance.objectNode().put("moved", managers.rebalance());
    }

    /** {@code POST /collective/invites {"name":..., "ttl": seconds}}: a one-time token for a new member. */
    @POST
    @Path("invites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ADMINISTER)
    public Response invite(JsonNode body, @Context SecurityContext security) {
        ObjectNode request = checkedKeys(Bodies.object(body), INVITE_KEYS);
        String name = Bodies.requiredText(request, "name");
        Duration ttl = InviteToken.DEFAULT_TTL;
        if (request.has("ttl")) {
            JsonNode value = request.get("ttl");
            if (!value.canConvertToLong() || !value.isIntegralNumber()) {
                throw RequestException.badRequest("'ttl' must be a whole number of seconds");
            }
            ttl = Duration.ofSeconds(value.longValue());
        }
        InviteToken token = administration.invite(name, ttl, security.getUserPrincipal().getName());
        ObjectNode answer = JsonNodeFactory.instance.objectNode()
                .put("name", name)
                .put("token", token.text())
                .put("expires", Instant.now().plus(ttl).toString());
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }

    /**
     * {@code POST /collective/enroll}: a joining member proves its invitation, bound to the
     * client certificate it presents on this TLS session. No password: the proof is the credential.
     */
    @POST
    @Path("enroll")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.READ)
    public ObjectNode enroll(JsonNode body, @Context HttpServletRequest http) {
        ObjectNode request = checkedKeys(Bodies.object(body), EnrollMessage.KEYS);
        X509Certificate[] chain = (X509Certificate[]) http.getAttribute(CLIENT_CERTIFICATE);
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(Bodies.requiredText(request, EnrollMessage.PROOF));
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest("'proof' must be base64");
        }
        Enrollment enrollment = administration.enroll(new EnrollRequest(
                Bodies.requiredText(request, EnrollMessage.NAME), proof,
                Bodies.requiredText(request, EnrollMessage.VERSION),
                chain == null || chain.length == 0 ? null : chain[0], administration.certificate(),
                Bodies.requiredText(request, EnrollMessage.ADDRESS), port(request, EnrollMessage.HTTPS_PORT),
                port(request, EnrollMessage.MEMBER_PORT), port(request, EnrollMessage.QUORUM_PORT),
                port(request, EnrollMessage.ELECTION_PORT), port(request, EnrollMessage.CLIENT_PORT)));
        return json.valueToTree(enrollment);
    }

    /** {@code POST /collective/join {"server": "host[:port]", "token": ...}}: local root only. */
    @POST
    @Path("join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ADMINISTER)
    public Response join(JsonNode body, @Context SecurityContext security, @Context HttpServletRequest http) {
        requireLocalRoot(security, "join");
        ObjectNode request = checkedKeys(Bodies.object(body), JOIN_KEYS);
        String server = Bodies.requiredText(request, "server");
        administration.join(server, Bodies.requiredText(request, "token"));
        // The restart closes this API: only once the answer that announces it is written.
        AfterAnswer.then(http.getAttribute(AfterAnswer.ATTRIBUTE), administration::restart);
        return Response.accepted(JsonNodeFactory.instance.objectNode()
                .put("joining", server)
                .put("status", "enrolled; this member restarts into the collective")).build();
    }

    /** {@code DELETE /collective/members/NAME}: removes a member; it is no longer trusted. */
    @DELETE
    @Path("members/{name}")
    @Allowed(Permission.ADMINISTER)
    public ObjectNode delete(@PathParam("name") String name) {
        administration.delete(name);
        return JsonNodeFactory.instance.objectNode().put("deleted", name);
    }

    /** {@code POST /collective/recover {"force": true}}: local root only, after losing a majority for good. */
    @POST
    @Path("recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ADMINISTER)
    public Response recover(JsonNode body, @Context SecurityContext security, @Context HttpServletRequest http) {
        requireLocalRoot(security, "recover");
        ObjectNode request = checkedKeys(Bodies.object(body), RECOVER_KEYS);
        if (!request.path("force").asBoolean(false)) {
            throw RequestException.badRequest("recovery makes this member a collective of one and forgets every "
                    + "other member; confirm with \"force\": true");
        }
        administration.recover();
        AfterAnswer.then(http.getAttribute(AfterAnswer.ATTRIBUTE), administration::restart);
        return Response.accepted(JsonNodeFactory.instance.objectNode()
                .put("status", "recovering: this member restarts as a collective of one")).build();
    }

    /**
     * {@code GET /collective/zookeeper}: how {@code confluentctl zk shell} reaches the local
     * ZooKeeper peer with this member's TLS credentials. Local root only: the settings file
     * holds the key store password.
     */
    @GET
    @Path("zookeeper")
    @Allowed(Permission.ADMINISTER)
    public ObjectNode zooKeeperShell(@Context SecurityContext security) {
        requireLocalRoot(security, "zookeeper shell access");
        CollectiveAdministration.ZooKeeperShell shell = administration.zooKeeperShell();
        return JsonNodeFactory.instance.objectNode()
                .put("connect", shell.connectString())
                .put("clientconfiguration", shell.clientConfiguration());
    }

    private static void requireLocalRoot(SecurityContext security, String operation) {
        if (!(security.getUserPrincipal() instanceof Caller caller) || caller.origin() != RequestOrigin.LOCAL_SOCKET) {
            throw new RequestException(RequestException.Kind.FORBIDDEN,
                    "collective " + operation + " may only be used by root on the member itself (local socket)");
        }
    }

    private static int port(ObjectNode request, String key) {
        JsonNode value = request.get(key);
        if (value == null || !value.isIntegralNumber() || value.intValue() < 0 || value.intValue() > 65535) {
            throw RequestException.badRequest("'" + key + "' must be a port number");
        }
        return value.intValue();
    }

    private static ObjectNode checkedKeys(ObjectNode body, Set<String> allowed) {
        for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                throw RequestException.badRequest("unknown key '" + key + "'; expected " + new TreeSet<>(allowed));
            }
        }
        return body;
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
                    .put("role", member.role().label())
                    .put("address", member.address())
                    .put("version", member.version())
                    .put("live", member.live())
                    .put("managednodes", member.managedNodes())
                    .put("zookeeper", member.zooKeeper().label());
        }
        UnmanagedNodes unmanaged = managers.unmanaged();
        json.put("unmanaged", unmanaged.nodes().size());
        json.put("unmanagednodes", unmanaged.noderange());
        return json;
    }
}
