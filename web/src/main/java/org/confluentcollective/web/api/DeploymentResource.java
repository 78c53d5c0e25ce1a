package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.confluentcollective.server.api.DeploymentProfile;
import org.confluentcollective.server.api.DeploymentProfiles;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.web.auth.Allowed;
import org.confluentcollective.web.auth.Caller;
import org.confluentcollective.web.auth.Permission;
import org.confluentcollective.web.auth.RequestOrigin;

/**
 * {@code /deployment/}: this member's deployment root. Listing is for every user; importing a
 * profile and copying the boot loaders read paths on this member's file system and publish what
 * they read unauthenticated over HTTP, so only root on the member itself (local socket) may.
 */
@Path("deployment")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class DeploymentResource {

    private final DeploymentProfiles profiles;
    private final LoaderDirectory loaders;

    @Inject
    public DeploymentResource(DeploymentProfiles profiles, LoaderDirectory loaders) {
        this.profiles = profiles;
        this.loaders = loaders;
    }

    @GET
    public ObjectNode root() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putObject("_links").putObject("self").put("href", "/deployment/");
        answer.putArray("item").addObject().put("href", "profiles/");
        return answer;
    }

    /** {@code {"profiles":[{"name","kernel","initrd","kernelargs"}...]}}, by name. */
    @GET
    @Path("profiles")
    public ObjectNode profiles() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode list = answer.putArray("profiles");
        profiles.list().forEach(profile -> list.add(json(profile)));
        return answer;
    }

    /** {@code {"source": DIR}}: DIR (on this member) holds profile.yaml, a kernel and an initrd. */
    @POST
    @Path("profiles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ADMINISTER)
    public ObjectNode importProfile(JsonNode body, @Context SecurityContext security) {
        requireLocalRoot(security, "importing a profile");
        String source = Bodies.requiredText(Bodies.object(body), "source");
        return json(profiles.importProfile(java.nio.file.Path.of(source)));
    }

    /** {@code osdeploy initialize}: copies the iPXE loaders into the TFTP root; {@code {"copied":[...]}}. */
    @POST
    @Path("initialize")
    @Allowed(Permission.ADMINISTER)
    public ObjectNode initialize(@Context SecurityContext security) {
        requireLocalRoot(security, "initializing the deployment root");
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("tftproot", profiles.tftpRoot().toString());
        ArrayNode copied = answer.putArray("copied");
        profiles.initialize(loaders.path()).forEach(copied::add);
        return answer;
    }

    static ObjectNode json(DeploymentProfile profile) {
        return JsonNodeFactory.instance.objectNode().put("name", profile.name()).put("kernel", profile.kernel())
                .put("initrd", profile.initrd()).put("kernelargs", profile.kernelArgs());
    }

    private static void requireLocalRoot(SecurityContext security, String operation) {
        if (!(security.getUserPrincipal() instanceof Caller caller) || caller.origin() != RequestOrigin.LOCAL_SOCKET) {
            throw new RequestException(RequestException.Kind.FORBIDDEN, operation
                    + " reads this member's files and serves them unauthenticated: only root on the member itself "
                    + "(local socket) may");
        }
    }

    /** Where {@code osdeploy initialize} takes the iPXE loaders from (setting {@code deploy.ipxe.dir}). */
    public record LoaderDirectory(java.nio.file.Path path) {
    }
}
