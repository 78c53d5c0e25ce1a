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
 * {@code GET /boot/by-mac/<mac>/boot.ipxe}: the iPXE script for the node with that MAC, from its
 * pending profile: kernel and initrd from this member (the address and port the request came to),
 * the profile's kernel arguments and nothing per node. Unknown MAC or nothing pending: a script
 * that says so and exits, so the firmware goes on to the next boot device.
 */
@Path("boot/by-mac/{mac}/boot.ipxe")
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
    @Produces("text/plain")
    public String script(@PathParam("mac") String mac, @Context HttpServletRequest request) {
        Optional<BootNode> node = view.nodeByMac(mac);
        if (node.isEmpty()) {
            return refusal("no node has the MAC address " + printable(mac));
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
