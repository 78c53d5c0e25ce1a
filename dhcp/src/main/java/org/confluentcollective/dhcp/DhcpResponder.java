package org.confluentcollective.dhcp;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.confluentcollective.server.api.BootNode;
import org.confluentcollective.server.api.BootNode.BootInterface;
import org.confluentcollective.server.api.DeploymentView;
import org.confluentcollective.server.api.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the answer to one datagram, without sockets (so that it is tested and fuzzed directly):
 * a PXE or iPXE client whose MAC (or UUID) is a node with a pending profile, served by this member
 * ({@link DeploymentView#servesDeployment}), gets an offer and then an ack. With an address of the
 * node on a subnet of this member the offer carries it (a static offer); otherwise it is
 * address-less with vendor class PXEClient (proxyDHCP on port 67: the site's DHCP server hands
 * out the address, iPXE and EDK2 take the boot file from our offer). Unknown PXE clients go to
 * the discovery list. arm64 UEFI (option 93 11) gets its loader over TFTP while the loader is there
 * ({@link DhcpSettings#arm64LoaderPresent}). UEFI HTTP boot clients (option 93 16, 19) get the same decisions with vendor
 * class HTTPClient and, as the boot file, the URL of their architecture's iPXE loader on this
 * member's deployment HTTP port; iPXE then asks again and gets its script. Anything else gets
 * nothing. A relayed request (giaddr set, RFC 1542) is matched by giaddr instead of the receiving
 * interface: the node's address must carry its prefix and that subnet must hold giaddr (this
 * member has no interface there to learn it from); the reply goes to the relay's server port with
 * giaddr, hops and option 82 (RFC 3046) kept.
 */
public final class DhcpResponder {

    private static final Logger LOG = LoggerFactory.getLogger(DhcpResponder.class);
    private static final Inet4Address BROADCAST = DhcpPacket.address(new byte[] {-1, -1, -1, -1});
    private static final byte[] PXE_CLIENT = "PXEClient".getBytes(StandardCharsets.US_ASCII);
    /** UEFI 2.x §24.7: HTTP boot clients send "HTTPClient:Arch:xxxxx..." and take only offers saying "HTTPClient". */
    private static final byte[] HTTP_CLIENT = "HTTPClient".getBytes(StandardCharsets.US_ASCII);
    /** Option 43, PXE_DISCOVERY_CONTROL (6) = 8: boot from the file in this offer, no boot server discovery. */
    private static final byte[] PXE_NO_DISCOVERY = {6, 1, 8, (byte) 255};

    /** What kind of firmware asks, and so which boot file it gets. */
    enum Client {
        BIOS, UEFI_X64, UEFI_ARM64, HTTP_X64, HTTP_ARM64, IPXE;

        /** UEFI HTTP boot: a URL instead of a TFTP file, vendor class HTTPClient. */
        boolean http() {
            return this == HTTP_X64 || this == HTTP_ARM64;
        }

        boolean arm64() {
            return this == UEFI_ARM64 || this == HTTP_ARM64;
        }

        /** The vendor class (option 60) the client sends and our offer carries. */
        byte[] vendorClass() {
            return http() ? HTTP_CLIENT : PXE_CLIENT;
        }
    }

    /** A reply and where it goes: sent from {@code from}'s address to {@code to}. */
    public record Reply(DhcpPacket packet, LocalAddress from, InetSocketAddress to) {
    }

    private final DeploymentView view;
    private final Supplier<List<LocalAddress>> localAddresses;
    private final DhcpSettings settings;
    private final DiscoveryList discovery;
    private final DhcpMetrics metrics;
    /** Per-packet lines, about a node or a failure: once a minute each. */
    private final LogThrottle logs = new LogThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 10_000);

    public DhcpResponder(DeploymentView view, Supplier<List<LocalAddress>> localAddresses, DhcpSettings settings,
                         DiscoveryList discovery, DhcpMetrics metrics) {
        this.view = view;
        this.localAddresses = localAddresses;
        this.settings = settings;
        this.discovery = discovery;
        this.metrics = metrics;
    }

    /**
     * @param receivedOn the local address the datagram was sent to when known (a unicast), else null
     * @return the replies, empty when the datagram is not answered; never throws for any input
     */
    public List<Reply> handle(byte[] data, int length, Inet4Address receivedOn) {
        return handle(data, length, request -> answer(request, receivedOn));
    }

    /**
     * A datagram to the proxyDHCP port (PXE 2.1 §2.2.5): a PXE client that has its address from the
     * site's server and took our address-less offer asks, by DHCPREQUEST or DHCPINFORM, for its
     * boot file. The answer is an ack without an address, to the client's ciaddr and port.
     *
     * @param receivedOn the local address the datagram was sent to
     * @param sourcePort the client's UDP port (68 or 4011 by the PXE spec)
     */
    public List<Reply> handleProxy(byte[] data, int length, Inet4Address receivedOn, InetSocketAddress from) {
        return handle(data, length, request -> proxyAnswer(request, receivedOn, from));
    }

    private List<Reply> handle(byte[] data, int length, Function<DhcpPacket, List<Reply>> decision) {
        metrics.received();
        DhcpPacket request;
        try {
            request = DhcpPacket.parse(data, 0, length);
        } catch (MalformedPacketException e) {
            LOG.debug("malformed DHCP packet dropped: {}", e.getMessage());
            metrics.malformed();
            return List.of();
        }
        List<Reply> replies;
        try {
            replies = decision.apply(request);
        } catch (RuntimeException e) {
            // A database or settings problem must not stop the responder; the client retries.
            if (logs.allow("failure " + e.getClass().getName())) {
                LOG.warn("DHCP packet {} not answered (logged once a minute): {}", request, e.toString());
            }
            replies = List.of();
        }
        if (replies.isEmpty()) {
            metrics.ignored();
        } else {
            metrics.answered();
            if (!request.giaddr().equals(DhcpPacket.ZERO)) {
                metrics.relayed();
            }
        }
        return replies;
    }

    private List<Reply> answer(DhcpPacket request, Inet4Address receivedOn) {
        int type = request.messageType();
        Optional<byte[]> hardware = request.ethernetAddress();
        if (request.op() != DhcpPacket.BOOTREQUEST || type != DhcpPacket.DISCOVER && type != DhcpPacket.REQUEST
                || hardware.isEmpty()) {
            return List.of();
        }
        Optional<Client> client = classify(request);
        if (client.isEmpty()) {
            return List.of();
        }
        List<LocalAddress> locals = localAddresses.get();
        boolean relayed = !request.giaddr().equals(DhcpPacket.ZERO);
        // A relay unicasts to one of our addresses: that one names us to the client, and an
        // address that is not served (dhcp.interfaces) answers no relay either.
        Optional<LocalAddress> relayServer = locals.stream().filter(l -> l.address().equals(receivedOn)).findFirst();
        if (relayed && relayServer.isEmpty()) {
            return List.of();
        }
        String mac = MacAddress.format(hardware.get());
        Optional<String> uuid = uuid(request);
        Optional<BootNode> found = view.nodeByMac(mac).or(() -> uuid.flatMap(view::nodeByUuid));
        if (found.isEmpty()) {
            if (type == DhcpPacket.DISCOVER && discovery.record(mac, architecture(request), uuid.orElse(null))) {
                metrics.discovered();
            }
            return List.of();
        }
        BootNode node = found.get();
        if (node.pendingProfile() == null || !view.servesDeployment(node.name())) {
            return List.of();
        }
        Optional<Static> fixed = relayed
                ? staticAddress(node, mac, nic -> Static.onRelaySubnet(nic, request.giaddr(), relayServer.get()))
                : staticAddress(node, mac, nic -> Static.onLocalSubnet(nic, locals));
        if (fixed.isPresent() && fixed.get().silent()) {
            return List.of();
        }
        // Address-less: out of the interface it came in on (always known for a relay), else out of
        // each served one.
        List<LocalAddress> proxyServers = relayServer.map(List::of).orElse(locals);
        return type == DhcpPacket.DISCOVER
                ? offer(request, client.get(), node, mac, fixed, proxyServers)
                : ack(request, client.get(), node, mac, fixed);
    }

    private List<Reply> proxyAnswer(DhcpPacket request, Inet4Address receivedOn, InetSocketAddress from) {
        int type = request.messageType();
        Optional<byte[]> hardware = request.ethernetAddress();
        Optional<LocalAddress> server = localAddresses.get().stream()
                .filter(l -> l.address().equals(receivedOn)).findFirst();
        // Relays do not forward this port, and without ciaddr there is nowhere to answer.
        if (request.op() != DhcpPacket.BOOTREQUEST || type != DhcpPacket.REQUEST && type != DhcpPacket.INFORM
                || hardware.isEmpty() || server.isEmpty() || !request.giaddr().equals(DhcpPacket.ZERO)
                || request.ciaddr().equals(DhcpPacket.ZERO) || !DhcpPacket.unicast(request.ciaddr())
                // The answer goes where the request came from: no pointing it at another host.
                || !request.ciaddr().equals(from.getAddress())
                || !startsWith(request.option(DhcpOption.VENDOR_CLASS).orElse(new byte[0]), PXE_CLIENT)) {
            return List.of();
        }
        // HTTP boot has no proxyDHCP step (the original ignores it there too).
        Optional<Client> client = classify(request).filter(c -> !c.http());
        String mac = MacAddress.format(hardware.get());
        Optional<BootNode> found = view.nodeByMac(mac).or(() -> uuid(request).flatMap(view::nodeByUuid));
        if (client.isEmpty() || found.isEmpty() || found.get().pendingProfile() == null
                || !view.servesDeployment(found.get().name())
                || staticAddress(found.get(), mac, nic -> Optional.empty()).isPresent()) {
            // The last: ipv4_method=firmwarenone, the member stays silent for the node.
            return List.of();
        }
        return reply(request, DhcpPacket.ACK, client.get(), found.get(), mac, Optional.empty(), server.get())
                .map(r -> new Reply(r.packet(), r.from(), from))
                .stream().toList();
    }

    private List<Reply> offer(DhcpPacket request, Client client, BootNode node, String mac, Optional<Static> fixed,
                              List<LocalAddress> proxyServers) {
        if (fixed.isPresent()) {
            return reply(request, DhcpPacket.OFFER, client, node, mac, fixed, fixed.get().server()).stream().toList();
        }
        // Address-less: only to a client that says it boots (the site's server gives the address).
        if (!startsWith(request.option(DhcpOption.VENDOR_CLASS).orElse(new byte[0]), client.vendorClass())) {
            return List.of();
        }
        List<Reply> replies = new ArrayList<>();
        for (LocalAddress server : proxyServers) {
            reply(request, DhcpPacket.OFFER, client, node, mac, fixed, server).ifPresent(replies::add);
        }
        return replies;
    }

    /** Only a request naming this server and the static address offered is acked (RFC 2131 §4.3.2). */
    private List<Reply> ack(DhcpPacket request, Client client, BootNode node, String mac, Optional<Static> fixed) {
        Optional<Inet4Address> serverId = request.option(DhcpOption.SERVER_ID).map(DhcpPacket::address);
        Optional<Inet4Address> requested = request.option(DhcpOption.REQUESTED_ADDRESS).map(DhcpPacket::address);
        if (fixed.isEmpty() || serverId.isEmpty() || !serverId.get().equals(fixed.get().server().address())
                || !requested.orElse(request.ciaddr()).equals(fixed.get().address())) {
            return List.of();
        }
        return reply(request, DhcpPacket.ACK, client, node, mac, fixed, fixed.get().server()).stream().toList();
    }

    private Optional<Reply> reply(DhcpPacket request, int type, Client client, BootNode node, String mac,
                                  Optional<Static> fixed, LocalAddress server) {
        if (node.plainBootRefused()) {
            // Everything served here before the OS is TFTP or plain HTTP, which the node refuses.
            if (logs.allow(node.name() + " plain")) {
                LOG.info("{} ({}) not answered: deployment.useinsecureprotocols=never refuses PXE, TFTP and "
                        + "plain-HTTP boot (set it to firmware)", mac, node.name());
            }
            return Optional.empty();
        }
        if (client.arm64() && !settings.arm64LoaderPresent()) {
            // Answering would send the node to a file we do not have; silence leaves it to other boot options.
            if (logs.allow(node.name() + " arm64")) {
                LOG.warn("arm64 client {} ({}) not answered: no loader {} in {}", mac, node.name(),
                        settings.arm64BootFile(), settings.loaderRoot());
            }
            return Optional.empty();
        }
        String bootFile = switch (client) {
            case BIOS -> settings.biosBootFile();
            case UEFI_X64 -> settings.uefiBootFile();
            case UEFI_ARM64 -> settings.arm64BootFile();
            case HTTP_X64 -> loaderUrl(server, settings.uefiBootFile());
            case HTTP_ARM64 -> loaderUrl(server, settings.arm64BootFile());
            case IPXE -> settings.ipxeUrl().replace("{server}", server.address().getHostAddress())
                    .replace("{port}", Integer.toString(settings.httpPort())).replace("{mac}", mac)
                    .replace("{node}", node.name()).replace("{profile}", node.pendingProfile());
        };
        byte[] bootBytes = bootFile.getBytes(StandardCharsets.US_ASCII);
        if (client.http() && bootBytes.length > 127) {
            // It would be in option 67 alone, which not every HTTP boot firmware reads (EDK2 does); our
            // URLs are an address, a port and a loader's name, so only a long name makes one this long.
            if (logs.allow(node.name() + " url")) {
                LOG.warn("HTTP boot URL for {} longer than the file field's 127 bytes, not offered: {}", node.name(),
                        bootFile);
            }
            return Optional.empty();
        }
        if (bootBytes.length > 255) {
            if (logs.allow(node.name() + " file")) {
                LOG.warn("boot file for {} longer than 255 bytes, not offered: {}", node.name(), bootFile);
            }
            return Optional.empty();
        }
        List<DhcpOption> options = new ArrayList<>();
        options.add(new DhcpOption(DhcpOption.MESSAGE_TYPE, new byte[] {(byte) type}));
        options.add(new DhcpOption(DhcpOption.SERVER_ID, server.address().getAddress()));
        if (fixed.isPresent()) {
            options.add(new DhcpOption(DhcpOption.LEASE_TIME,
                    ByteBuffer.allocate(4).putInt(settings.leaseSeconds()).array()));
            options.add(new DhcpOption(DhcpOption.SUBNET_MASK,
                    LocalAddress.fromInt(LocalAddress.mask(fixed.get().prefix())).getAddress()));
            fixed.get().router().ifPresent(router ->
                    options.add(new DhcpOption(DhcpOption.ROUTER, router.getAddress())));
        }
        // With vendor class PXEClient, EDK2 takes an offer without option 43 for one that needs boot
        // server discovery and refuses it ("PXE-E16: No valid offer received"), static offers too.
        // HTTP boot has no boot server discovery: no option 43.
        if (!client.http()) {
            options.add(new DhcpOption(43, PXE_NO_DISCOVERY));
        }
        options.add(new DhcpOption(DhcpOption.VENDOR_CLASS, client.vendorClass()));
        // The file field holds 127 characters; the option is also sent when the client asks for it.
        Optional<byte[]> fileField = DhcpPacket.field(bootFile, 128);
        if (fileField.isEmpty() || requested(request, DhcpOption.BOOTFILE)) {
            options.add(new DhcpOption(DhcpOption.BOOTFILE, bootBytes));
        }
        request.option(DhcpOption.CLIENT_UUID).ifPresent(uuid ->
                options.add(new DhcpOption(DhcpOption.CLIENT_UUID, uuid)));
        boolean relayed = !request.giaddr().equals(DhcpPacket.ZERO);
        if (relayed) {
            // RFC 3046 §2.2: echoed verbatim; the relay finds the client's port by it and strips it.
            request.option(DhcpOption.RELAY_AGENT).ifPresent(agent ->
                    options.add(new DhcpOption(DhcpOption.RELAY_AGENT, agent)));
        }
        Inet4Address yiaddr = fixed.map(Static::address).orElse(DhcpPacket.ZERO);
        // giaddr and hops as they came (ISC dhcpd does the same): the relay sends on by giaddr.
        DhcpPacket packet = new DhcpPacket(DhcpPacket.BOOTREPLY, request.htype(), request.hlen(), request.hops(),
                request.xid(), 0, request.flags(), request.ciaddr(), yiaddr, server.address(), request.giaddr(),
                request.chaddr(), new byte[64], fileField.orElse(new byte[128]), options);
        boolean unicast = !request.ciaddr().equals(DhcpPacket.ZERO) && (request.flags() & DhcpPacket.BROADCAST_FLAG) == 0;
        InetSocketAddress to = relayed ? new InetSocketAddress(request.giaddr(), settings.port())
                : new InetSocketAddress(unicast ? request.ciaddr() : BROADCAST, settings.clientPort());
        return Optional.of(new Reply(packet, server, to));
    }

    /** A loader on this member's deployment HTTP port, at the address the client (or its relay) reached. */
    private String loaderUrl(LocalAddress server, String loader) {
        return "http://" + server.address().getHostAddress() + ":" + settings.httpPort() + DhcpSettings.LOADER_PATH
                + loader;
    }

    /**
     * The node's address on the client's subnet ({@code onSubnet}: one of this member's, or the
     * relay's): the interface whose MAC booted first, then the others in order.
     * {@code ipv4_method=firmwarenone} makes the member silent for it (fully external PXE);
     * {@code firmwaredhcp} or {@code dhcp} leave the address to the site's server.
     */
    private static Optional<Static> staticAddress(BootNode node, String mac,
                                                  Function<BootInterface, Optional<Static>> onSubnet) {
        List<BootInterface> ordered = new ArrayList<>(node.interfaces());
        ordered.sort((a, b) -> Boolean.compare(!mac.equals(a.hwaddr()), !mac.equals(b.hwaddr())));
        BootInterface booting = ordered.isEmpty() ? null : ordered.get(0);
        if (booting != null && mac.equals(booting.hwaddr()) && "firmwarenone".equals(booting.ipv4Method())) {
            return Optional.of(Static.SILENT);
        }
        for (BootInterface nic : ordered) {
            if (nic.ipv4Address() == null || "firmwaredhcp".equals(nic.ipv4Method())
                    || "dhcp".equals(nic.ipv4Method())) {
                continue;
            }
            Optional<Static> found = onSubnet.apply(nic);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A static address of the node, the local address on its subnet, its prefix and router. */
    private record Static(Inet4Address address, int prefix, LocalAddress server, Optional<Inet4Address> router) {

        static final Static SILENT = new Static(null, 0, null, Optional.empty());

        boolean silent() {
            return address == null;
        }

        /** On a subnet of this member: the prefix defaults to the local one. */
        static Optional<Static> onLocalSubnet(BootInterface nic, List<LocalAddress> locals) {
            String[] parts = nic.ipv4Address().trim().split("/", 2);
            Optional<Inet4Address> address = ipv4(parts[0]);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            for (LocalAddress local : locals) {
                if (local.contains(address.get()) && !local.address().equals(address.get())) {
                    int prefix = parts.length == 2 ? parsePrefix(parts[1]).orElse(local.prefix()) : local.prefix();
                    return Optional.of(new Static(address.get(), prefix, local,
                            gateway(nic, address.get(), prefix)));
                }
            }
            return Optional.empty();
        }

        /**
         * Behind a relay: only the address's own prefix tells the remote subnet (as the original's
         * relay support, ISC dhcpd's subnet declarations and dnsmasq's dhcp-range with netmask
         * need it written down), and giaddr must lie on it. Without {@code ipv4_gateway} on that
         * subnet, the router is giaddr: the relay agent's address on the client's subnet, which
         * in a routed network is the router (an L3 switch's VLAN interface).
         */
        static Optional<Static> onRelaySubnet(BootInterface nic, Inet4Address giaddr, LocalAddress server) {
            String[] parts = nic.ipv4Address().trim().split("/", 2);
            Optional<Inet4Address> address = ipv4(parts[0]);
            Optional<Integer> prefix = parts.length == 2 ? parsePrefix(parts[1]) : Optional.empty();
            // A /0 would claim every relay's subnet.
            if (address.isEmpty() || prefix.isEmpty() || prefix.get() == 0 || address.get().equals(giaddr)
                    || !new LocalAddress("", address.get(), prefix.get()).contains(giaddr)) {
                return Optional.empty();
            }
            return Optional.of(new Static(address.get(), prefix.get(), server,
                    gateway(nic, address.get(), prefix.get()).or(() -> Optional.of(giaddr))));
        }

        private static Optional<Inet4Address> gateway(BootInterface nic, Inet4Address address, int prefix) {
            return Optional.ofNullable(nic.ipv4Gateway()).flatMap(DhcpResponder::ipv4)
                    .filter(gateway -> new LocalAddress("", address, prefix).contains(gateway));
        }

        private static Optional<Integer> parsePrefix(String text) {
            try {
                int prefix = Integer.parseInt(text.trim());
                return prefix >= 0 && prefix <= 32 ? Optional.of(prefix) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** A dotted quad only (no name resolution on the packet path). */
    static Optional<Inet4Address> ipv4(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return Optional.of(DhcpPacket.address(bytes));
    }

    /** iPXE by its user class (option 77), else the firmware by option 93; others are no firmware boot. */
    static Optional<Client> classify(DhcpPacket request) {
        Optional<byte[]> userClass = request.option(DhcpOption.USER_CLASS);
        if (userClass.isPresent() && new String(userClass.get(), StandardCharsets.US_ASCII).contains("iPXE")) {
            return Optional.of(Client.IPXE);
        }
        return switch (architecture(request)) {
            case 0 -> Optional.of(Client.BIOS);
            case 7, 9 -> Optional.of(Client.UEFI_X64);
            case 11 -> Optional.of(Client.UEFI_ARM64);
            case 16 -> Optional.of(Client.HTTP_X64);
            case 19 -> Optional.of(Client.HTTP_ARM64);
            default -> Optional.empty();
        };
    }

    /** The first architecture of option 93, or -1. */
    static int architecture(DhcpPacket request) {
        return request.option(DhcpOption.CLIENT_ARCH).map(a -> (a[0] & 0xff) << 8 | a[1] & 0xff).orElse(-1);
    }

    /**
     * Option 97 as a UUID: firmware sends the first three fields little-endian (SMBIOS order), as
     * the original reads it; placeholder UUIDs (all zeros or all ones) identify nothing.
     */
    static Optional<String> uuid(DhcpPacket request) {
        return request.option(DhcpOption.CLIENT_UUID).flatMap(raw -> {
            byte[] u = Arrays.copyOfRange(raw, 1, 17);
            byte[] ordered = {u[3], u[2], u[1], u[0], u[5], u[4], u[7], u[6], u[8], u[9], u[10], u[11], u[12], u[13],
                u[14], u[15]};
            String hex = HexFormat.of().formatHex(ordered);
            if (hex.chars().allMatch(c -> c == '0') || hex.chars().allMatch(c -> c == 'f')) {
                return Optional.empty();
            }
            return Optional.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        });
    }

    private static boolean requested(DhcpPacket request, int code) {
        byte[] list = request.option(55).orElse(new byte[0]);
        for (byte b : list) {
            if ((b & 0xff) == code) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }
}
