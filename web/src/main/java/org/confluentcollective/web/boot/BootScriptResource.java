package org.confluentcollective.web.boot;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.confluentcollective.server.api.BootNode;
import org.confluentcollective.server.api.DeploymentProfile;
import org.confluentcollective.server.api.DeploymentProfiles;
import org.confluentcollective.server.api.DeploymentView;

/**
 * {@code GET /boot/by-mac/<mac>/boot.ipxe} (also {@code by-uuid/<uuid>} and {@code by-node/<name>},
 * as the original offers, for scripts that chain with iPXE's {@code ${uuid}}): the iPXE script for
 * that node, from its pending profile: kernel and initrd from this member (the address and port
 * the request came to), the profile's kernel arguments and nothing per node. Unknown node or
 * nothing pending: a script that says so and exits, so the firmware goes on to the next boot device.
 */
@Path("boot")
@Singleton
public final class BootScriptResource {

    private final DeploymentView view;
    private final DeploymentProfiles profiles;

    @Inject
    public BootScriptResource(DeploymentView view, DeploymentProfiles profiles) {
        this.view = view;
        this.profiles = profiles;
    }

    @GET
    @Path("by-mac/{mac}/boot.ipxe")
    @Produces("text/plain")
    public String byMac(@PathParam("mac") String mac, @Context HttpServletRequest request) {
        return script(view.nodeByMac(mac), "no node has the MAC address " + printable(mac), request);
    }

    @GET
    @Path("by-uuid/{uuid}/boot.ipxe")
    @Produces("text/plain")
    public String byUuid(@PathParam("uuid") String uuid, @Context HttpServletRequest request) {
        return script(view.nodeByUuid(uuid), "no node has the UUID " + printable(uuid), request);
    }

    @GET
    @Path("by-node/{node}/boot.ipxe")
    @Produces("text/plain")
    public String byNode(@PathParam("node") String node, @Context HttpServletRequest request) {
        return script(view.nodeByName(node), "no node is named " + printable(node), request);
    }

    private String script(Optional<BootNode> node, String unknown, HttpServletRequest request) {
        if (node.isEmpty()) {
            return refusal(unknown);
        }
        if (node.get().plainBootRefused()) {
            return refusal(node.get().name() + " refuses plain-HTTP boot (deployment.useinsecureprotocols=never)");
        }
        String pending = node.get().pendingProfile();
        if (pending == null) {
            return refusal("no deployment is pending for " + node.get().name());
        }
        Optional<DeploymentProfile> profile = profiles.find(pending);
        if (profile.isEmpty()) {
            return refusal("profile " + pending + " of " + node.get().name() + " is not on this member");
        }
        return script(profile.get(), "http://" + authority(request) + "/confluent-public/os/" + pending + "/");
    }

    static String script(DeploymentProfile profile, String base) {
        // iPXE names an image after its URL's last segment; an EFI-stub kernel finds the initrd
        // only through initrd=<that name> on its command line.
        String args = ("initrd=" + profile.initrd() + " " + profile.kernelArgs()).strip();
        return "#!ipxe\n"
                + "echo Deploying " + profile.name() + "\n"
                + "kernel " + base + profile.kernel() + " " + args + "\n"
                + "initrd " + base + profile.initrd() + "\n"
                + "boot\n";
    }

    private static String refusal(String why) {
        return "#!ipxe\necho confluent: " + why + "\nsleep 3\nexit 1\n";
    }

    /** The address and port the node reached: what it can reach again. */
    private static String authority(HttpServletRequest request) {
        String address = request.getLocalAddr();
        try {
            if (InetAddress.getByName(address) instanceof Inet6Address) {
                address = "[" + address.replaceFirst("%.*", "") + "]";
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the local address " + address + " is no address", e);
        }
        return address + ":" + request.getLocalPort();
    }

    /** A MAC as typed in a URL, safe to echo into a script. */
    private static String printable(String mac) {
        return mac.replaceAll("[^0-9A-Za-z:.-]", "?");
    }
}
