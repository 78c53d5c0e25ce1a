package org.confluentcollective.dhcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Ethernet segment for real DHCP clients: a bridge in namespace {@code dhseg}; the host end
 * {@code dhh0} (10.231.67.1/24) stays in the default namespace, where the test JVM runs the
 * server (a JVM cannot enter a namespace); clients run in {@code dhcl} on {@code dhc0}, dnsmasq
 * in {@code dhdn} on {@code dhd0} (10.231.67.2/24). Deleting the namespaces deletes every veth.
 * Needs root and iproute2.
 */
final class Segment implements AutoCloseable {

    static final String HOST_IF = "dhh0";
    static final String SERVER = "10.231.67.1";
    static final String DNSMASQ = "10.231.67.2";
    static final String CLIENT_NS = "dhcl";
    static final String CLIENT_IF = "dhc0";
    static final String DNSMASQ_NS = "dhdn";
    private static final String SEGMENT_NS = "dhseg";

    Segment() throws IOException, InterruptedException {
        close();
        run("ip", "netns", "add", SEGMENT_NS);
        run("ip", "netns", "add", CLIENT_NS);
        run("ip", "netns", "add", DNSMASQ_NS);
        run("ip", "-n", SEGMENT_NS, "link", "add", "br0", "type", "bridge");
        run("ip", "-n", SEGMENT_NS, "link", "set", "br0", "up");
        run("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", "dhh0p", "netns", SEGMENT_NS);
        run("ip", "addr", "add", SERVER + "/24", "dev", HOST_IF);
        run("ip", "link", "set", HOST_IF, "up");
        attach("dhh0p");
        run("ip", "link", "add", CLIENT_IF, "netns", CLIENT_NS, "type", "veth", "peer", "name", "dhc0p",
                "netns", SEGMENT_NS);
        run("ip", "-n", CLIENT_NS, "link", "set", CLIENT_IF, "up");
        run("ip", "-n", CLIENT_NS, "link", "set", "lo", "up");
        attach("dhc0p");
        run("ip", "link", "add", "dhd0", "netns", DNSMASQ_NS, "type", "veth", "peer", "name", "dhd0p",
                "netns", SEGMENT_NS);
        run("ip", "-n", DNSMASQ_NS, "addr", "add", DNSMASQ + "/24", "dev", "dhd0");
        run("ip", "-n", DNSMASQ_NS, "link", "set", "dhd0", "up");
        attach("dhd0p");
    }

    private void attach(String port) throws IOException, InterruptedException {
        run("ip", "-n", SEGMENT_NS, "link", "set", port, "master", "br0");
        run("ip", "-n", SEGMENT_NS, "link", "set", port, "up");
    }

    /** The client's MAC, for the next client run. */
    void clientMac(String mac) throws IOException, InterruptedException {
        run("ip", "-n", CLIENT_NS, "link", "set", CLIENT_IF, "address", mac);
    }

    /**
     * Runs busybox udhcpc once in the client namespace.
     *
     * @return the lines its script wrote ("bound ip=... siaddr=... boot_file=..."), empty without a lease
     */
    List<String> udhcpc(Path dir, String... extra) throws IOException, InterruptedException {
        return udhcpc(CLIENT_NS, CLIENT_IF, dir, "ip=$ip siaddr=$siaddr boot_file=$boot_file bootfile=$bootfile "
                + "serverid=$serverid", extra);
    }

    /**
     * Runs busybox udhcpc once on {@code iface} in namespace {@code ns}.
     *
     * @param fields what its script writes after "bound ", in sh syntax ("ip=$ip router=$router")
     * @return the lines its script wrote, empty without a lease
     */
    static List<String> udhcpc(String ns, String iface, Path dir, String fields, String... extra)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "udhcpc", ".out");
        Path script = dir.resolve("udhcpc.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1 " + fields + "\" >> " + out + "\n");
        script.toFile().setExecutable(true);
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "busybox", "udhcpc",
                "-i", iface, "-f", "-q", "-n", "-t", "3", "-T", "1", "-s", script.toString(), "-O", "bootfile"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("udhcpc.log").toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return Files.readAllLines(out).stream().filter(line -> line.startsWith("bound")).toList();
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String ns : List.of(CLIENT_NS, DNSMASQ_NS, SEGMENT_NS)) {
            new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }
}
