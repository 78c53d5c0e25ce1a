package org.confluentcollective.testkit.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The deployment network of the VM tests: the member's end {@code pxh0} (10.232.0.1/24) in the
 * default namespace, where the member process runs (DHCP on 67, TFTP on 69), its peer on bridge
 * {@code br0} in namespace {@code pxvm} together with the VM's tap {@code pxtap} (and dnsmasq sending IPv6 router
 * advertisements). Deleting the
 * namespace deletes the veth pair, the bridge and the tap. Needs root, iproute2 and /dev/net/tun.
 */
final class VmSegment implements AutoCloseable {

    static final String HOST_IF = "pxh0";
    static final String SERVER = "10.232.0.1";
    static final String NAMESPACE = "pxvm";
    static final String TAP = "pxtap";

    private Process routerAdvertisements;

    VmSegment() throws IOException, InterruptedException {
        close();
        run("ip", "netns", "add", NAMESPACE);
        run("ip", "-n", NAMESPACE, "link", "add", "br0", "type", "bridge");
        run("ip", "-n", NAMESPACE, "link", "set", "br0", "up");
        run("ip", "-n", NAMESPACE, "link", "set", "lo", "up");
        run("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", "pxh0p", "netns", NAMESPACE);
        run("ip", "addr", "add", SERVER + "/24", "dev", HOST_IF);
        run("ip", "link", "set", HOST_IF, "up");
        attach("pxh0p");
        run("ip", "-n", NAMESPACE, "tuntap", "add", "dev", TAP, "mode", "tap");
        attach(TAP);
        routerAdvertisements = advertiseIpv6();
    }

    /**
     * iPXE (the BIOS ROM and ipxe.efi) waits about 12 s for an IPv6 router before it boots; dnsmasq
     * on the bridge, RAs only (no DHCP of any kind), ends the wait. Nothing of ours uses IPv6.
     */
    private static Process advertiseIpv6() throws IOException, InterruptedException {
        run("ip", "-n", NAMESPACE, "addr", "add", "fd32::1/64", "dev", "br0", "nodad");
        return new ProcessBuilder("ip", "netns", "exec", NAMESPACE, "dnsmasq", "--no-daemon", "--conf-file=/dev/null",
                "--user=root", "--port=0", "--interface=br0", "--bind-interfaces", "--enable-ra",
                "--dhcp-range=::,constructor:br0,ra-only", "--log-facility=-")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void attach(String port) throws IOException, InterruptedException {
        run("ip", "-n", NAMESPACE, "link", "set", port, "master", "br0");
        run("ip", "-n", NAMESPACE, "link", "set", port, "up");
    }

    /** A QEMU VM on the segment's tap, serial console in {@code serial}; not yet started. */
    static ProcessBuilder qemu(List<String> machine, String mac, Path serial) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE, "qemu-system-x86_64"));
        command.addAll(machine);
        command.addAll(List.of("-m", "512", "-nographic", "-no-reboot",
                "-netdev", "tap,id=n0,ifname=" + TAP + ",script=no,downscript=no"));
        command.addAll(List.of("-device", "virtio-net-pci,netdev=n0,mac=" + mac + deviceExtra(machine)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serial.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
    }

    /** On UEFI the firmware's own PXE (no option ROM), on BIOS the NIC's iPXE ROM. */
    private static String deviceExtra(List<String> machine) {
        return machine.contains("-bios") ? ",romfile=" : "";
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
    }

    /** The serial log without carriage returns and ANSI/VT escapes (firmware draws with them). */
    static String readSerial(Path serial) throws IOException {
        if (!Files.exists(serial)) {
            return "";
        }
        return new String(Files.readAllBytes(serial), StandardCharsets.ISO_8859_1)
                .replaceAll("\u001b\\[[0-9;?=]*[A-Za-z]", "").replace("\r", "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (routerAdvertisements != null) {
            routerAdvertisements.destroy();
            routerAdvertisements.waitFor(5, TimeUnit.SECONDS);
        }
        new ProcessBuilder("ip", "netns", "del", NAMESPACE).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        // the host end goes with its peer; a leftover from a killed run may not have
        new ProcessBuilder("ip", "link", "del", HOST_IF).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
