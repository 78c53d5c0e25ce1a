package org.confluentcollective.dhcp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Two subnets joined by a router that relays DHCP, for relayed requests from real clients. The
 * server subnet 10.231.70.0/24 is a bridge in namespace {@code drseg}: the host end {@code drh0}
 * (10.231.70.1, default namespace, where the test JVM's server listens), a local client in
 * {@code drlc} and the router's {@code drr0} (10.231.70.2). The router, namespace {@code drrt},
 * has {@code drr1} (10.231.71.1/24) on the client subnet, a veth to {@code drc0} in {@code drcl},
 * where the remote client runs; the relay agent runs there too ({@link #startRelay}). The default
 * namespace routes 10.231.71.0/24 through the router, so that replies to giaddr stay on these
 * veths. Deleting the namespaces deletes every veth and that route. Needs root and iproute2.
 */
final class RoutedSegment implements AutoCloseable {

    static final String HOST_IF = "drh0";
    static final String SERVER = "10.231.70.1";
    static final String ROUTER_UP = "10.231.70.2";
    static final String GIADDR = "10.231.71.1";
    static final String ROUTER_NS = "drrt";
    static final String ROUTER_UP_IF = "drr0";
    static final String ROUTER_DOWN_IF = "drr1";
    static final String REMOTE_NS = "drcl";
    static final String REMOTE_IF = "drc0";
    static final String LOCAL_NS = "drlc";
    static final String LOCAL_IF = "drl0";
    private static final String SEGMENT_NS = "drseg";

    RoutedSegment() throws IOException, InterruptedException {
        close();
        for (String ns : List.of(SEGMENT_NS, ROUTER_NS, REMOTE_NS, LOCAL_NS)) {
            Segment.run("ip", "netns", "add", ns);
            Segment.run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        Segment.run("ip", "-n", SEGMENT_NS, "link", "add", "br0", "type", "bridge");
        Segment.run("ip", "-n", SEGMENT_NS, "link", "set", "br0", "up");
        Segment.run("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", "drh0p", "netns", SEGMENT_NS);
        Segment.run("ip", "addr", "add", SERVER + "/24", "dev", HOST_IF);
        Segment.run("ip", "link", "set", HOST_IF, "up");
        attach("drh0p");
        veth(ROUTER_NS, ROUTER_UP_IF, SEGMENT_NS, "drr0p", ROUTER_UP + "/24");
        attach("drr0p");
        veth(LOCAL_NS, LOCAL_IF, SEGMENT_NS, "drl0p", null);
        attach("drl0p");
        veth(ROUTER_NS, ROUTER_DOWN_IF, REMOTE_NS, REMOTE_IF, GIADDR + "/24");
        Segment.run("ip", "-n", REMOTE_NS, "link", "set", REMOTE_IF, "up");
        Segment.run("ip", "route", "add", "10.231.71.0/24", "via", ROUTER_UP, "dev", HOST_IF);
    }

    /** A veth from {@code ns}/{@code name} (given {@code address} when not null, up) to {@code peerNs}/{@code peer}. */
    private static void veth(String ns, String name, String peerNs, String peer, String address)
            throws IOException, InterruptedException {
        Segment.run("ip", "link", "add", name, "netns", ns, "type", "veth", "peer", "name", peer, "netns", peerNs);
        if (address != null) {
            Segment.run("ip", "-n", ns, "addr", "add", address, "dev", name);
        }
        Segment.run("ip", "-n", ns, "link", "set", name, "up");
    }

    private static void attach(String port) throws IOException, InterruptedException {
        Segment.run("ip", "-n", SEGMENT_NS, "link", "set", port, "master", "br0");
        Segment.run("ip", "-n", SEGMENT_NS, "link", "set", port, "up");
    }

    /**
     * ISC dhcrelay in the router: requests from the client subnet go to the server with giaddr
     * 10.231.71.1 and option 82 (circuit id: the interface name); replies go back by it.
     */
    Process startRelay(Path log) throws IOException {
        return new ProcessBuilder("ip", "netns", "exec", ROUTER_NS, "dhcrelay", "-4", "-d", "--no-pid", "-a",
                "-id", ROUTER_DOWN_IF, "-iu", ROUTER_UP_IF, SERVER).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Sets a namespace's interface MAC, for the next client run. */
    static void mac(String ns, String iface, String mac) throws IOException, InterruptedException {
        Segment.run("ip", "-n", ns, "link", "set", iface, "address", mac);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String ns : List.of(REMOTE_NS, LOCAL_NS, ROUTER_NS, SEGMENT_NS)) {
            new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }
}
