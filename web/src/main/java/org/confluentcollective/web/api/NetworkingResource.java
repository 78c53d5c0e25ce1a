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
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code GET /networking}: this member's network interfaces (addresses, prefixes, subnets, and
 * whether DHCP serves them) and its deployment services. Per member: each member answers for
 * itself, since nodes boot from whichever member answers them.
 */
@Path("networking")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class NetworkingResource {

    private final ServiceReport services;

    @Inject
    public NetworkingResource(ServiceReport services) {
        this.services = services;
    }

    @GET
    public ObjectNode networking() throws SocketException {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode interfaces = answer.putArray("interfaces");
        List<NetworkInterface> all = Collections.list(NetworkInterface.getNetworkInterfaces());
        all.sort((a, b) -> a.getName().compareTo(b.getName()));
        for (NetworkInterface nic : all) {
            ObjectNode entry = interfaces.addObject().put("name", nic.getName()).put("up", nic.isUp())
                    .put("loopback", nic.isLoopback());
            byte[] mac = nic.getHardwareAddress();
            entry.put("hwaddr", mac == null ? null : HexFormat.ofDelimiter(":").formatHex(mac));
            entry.put("dhcp", !nic.isLoopback() && services.servesDhcp(nic.getName()));
            ArrayNode addresses = entry.putArray("addresses");
            for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                addresses.addObject().put("address", address.getAddress().getHostAddress().replaceFirst("%.*", ""))
                        .put("prefix", address.getNetworkPrefixLength())
                        .put("subnet", subnet(address.getAddress(), address.getNetworkPrefixLength()));
            }
        }
        answer.set("services", services.services());
        return answer;
    }

    /** {@code 10.0.0.0/24} for 10.0.0.7 and 24. */
    static String subnet(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        BigInteger value = new BigInteger(1, bytes);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        byte[] masked = value.and(mask).toByteArray();
        byte[] network = new byte[bytes.length];
        int copy = Math.min(masked.length, network.length);
        System.arraycopy(masked, masked.length - copy, network, network.length - copy, copy);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
