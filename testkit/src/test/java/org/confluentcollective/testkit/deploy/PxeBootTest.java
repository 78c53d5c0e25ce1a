package org.confluentcollective.testkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.confluentcollective.testkit.MemberProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: a QEMU VM (TCG) network-boots from a real member process and reports its
 * deployment done. UEFI: OVMF's own PXE → DHCP (ours, port 67) → {@code ipxe.efi} over our TFTP
 * (port 69) → iPXE → DHCP again → our boot script over HTTP → kernel and initrd over HTTP →
 * {@code /init} asks {@code /self/apikey} and reports {@code complete} to {@code /self/updatestatus}
 * → power off. BIOS: SeaBIOS runs the NIC's iPXE ROM, which gets the script's URL straight from
 * our DHCP; the rest is the same. {@code nodedeploy NODE} must go from pending to completed.
 *
 * <p>Root, /dev/net/tun, qemu-system-x86, ovmf, ipxe, ipxe-qemu, cpio and the Debian mirror (or
 * the cache, see {@link BootMedia}) are needed; .ci/run installs them. The VMs use virtio-net on
 * both machines: Debian's cloud kernel has no e1000 driver.
 */
@Tag("slow")
class PxeBootTest {

    private static final long VM_TIMEOUT_SECONDS = 150;
    private static final String OVMF = "/usr/share/ovmf/OVMF.fd";

    /** When the serial console first showed each step (printed: where a slow boot spends its time). */
    private static final Map<String, String> PHASES = phases();

    @TempDir
    static Path dir;

    private static VmSegment segment;
    private static BootMedia media;
    private static Path initrd;
    private static MemberProcess member;
    private Process qemu;

    private static Map<String, String> phases() {
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("firmware PXE", ">>Start PXE over IPv4");
        phases.put("ipxe.efi", "NBP file downloaded successfully");
        phases.put("iPXE", "iPXE");
        phases.put("iPXE has an address", "net0: 10.232.0.");
        phases.put("script", "/boot.ipxe... ok");
        phases.put("initrd loaded", "initrd.gz... ok");
        phases.put("init", "confluent-init: started");
        phases.put("network up", "confluent-init: network up");
        phases.put("reported", "confluent-init: updatestatus answered");
        return phases;
    }

    @BeforeAll
    static void setUp() throws Exception {
        segment = new VmSegment();
        long start = System.nanoTime();
        media = BootMedia.prepare();
        initrd = media.buildInitrd(dir);
        System.out.printf("PxeBootTest: kernel %s, initrd %d bytes (modules %s), ready in %d ms%n",
                media.kernel.getFileName(), Files.size(initrd), media.loadOrder(BootMedia.NETWORK_MODULES),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        member = new MemberProcess(dir, "pxe1").withSettings(
                "deploy.http.address=" + VmSegment.SERVER,
                "dhcp.enabled=true",
                "dhcp.interfaces=" + VmSegment.HOST_IF,
                "tftp.enabled=true",
                "tftp.address=" + VmSegment.SERVER).start();
        member.ok("osdeploy", "initialize");
    }

    @AfterEach
    void stopVm() throws InterruptedException {
        if (qemu != null && qemu.isAlive()) {
            qemu.destroyForcibly();
            qemu.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (member != null) {
            member.close();
        }
        if (segment != null) {
            segment.close();
        }
    }

    @Test
    void uefiFirmwarePxeThroughIpxeEfiToTheCallback() throws Exception {
        String serial = boot("vm-uefi", "52:54:00:77:00:10", "10.232.0.10", "pxe-uefi", "uefi",
                List.of("-machine", "q35,accel=tcg", "-bios", OVMF));
        // the firmware's PXE: our DHCP offer, then ipxe.efi over our TFTP
        assertSerial(serial, ">>Start PXE over IPv4", "Server IP address is " + VmSegment.SERVER,
                "NBP filename is ipxe.efi", "NBP file downloaded successfully", "iPXE initialising devices");
    }

    @Test
    void biosIpxeRomToTheCallback() throws Exception {
        String serial = boot("vm-bios", "52:54:00:77:00:11", "10.232.0.11", "pxe-bios", "bios",
                List.of("-machine", "pc,accel=tcg", "-boot", "n"));
        assertSerial(serial, "SeaBIOS", "iPXE");
        assertTrue(!serial.contains("NBP filename"), "the ROM is iPXE already: no TFTP step");
    }

    /**
     * Defines {@code node}, makes a profile for it pending, boots the VM and checks the common
     * part of both paths. Returns the serial log (without escapes).
     */
    private String boot(String node, String mac, String ip, String profile, String firmware, List<String> machine)
            throws Exception {
        Path source = Files.createDirectories(dir.resolve("source-" + profile));
        Files.copy(media.kernel, source.resolve("vmlinuz"));
        Files.copy(initrd, source.resolve("initrd.gz"));
        Files.writeString(source.resolve("profile.yaml"), "name: " + profile + "\nkernel: vmlinuz\ninitrd: initrd.gz\n"
                + "kernelargs: \"" + BootMedia.kernelArgs(node) + "\"\n");
        member.ok("osdeploy", "import", source.toString());
        member.ok("nodedefine", node, "net.hwaddr=" + mac, "net.ipv4_address=" + ip + "/24");
        assertEquals(node + ": pending: " + profile + " (node authentication armed)\n",
                member.ok("nodedeploy", node, "-p", profile).out());

        Path serialLog = dir.resolve("serial-" + node + ".log");
        long start = System.nanoTime();
        qemu = VmSegment.qemu(machine, mac, serialLog).start();
        Map<String, Double> timeline = new LinkedHashMap<>();
        while (qemu.isAlive() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(VM_TIMEOUT_SECONDS)) {
            qemu.waitFor(200, TimeUnit.MILLISECONDS);
            String sofar = VmSegment.readSerial(serialLog);
            PHASES.forEach((phase, marker) -> {
                if (!timeline.containsKey(phase) && sofar.contains(marker)) {
                    timeline.put(phase, (System.nanoTime() - start) / 1e9);
                }
            });
        }
        keep(serialLog);
        if (qemu.isAlive()) {
            qemu.destroyForcibly();
            fail(node + " did not power off in " + VM_TIMEOUT_SECONDS + " s (" + timeline + "); serial log:\n"
                    + tail(VmSegment.readSerial(serialLog)) + "\nmember log:\n" + member.logTail());
        }
        String serial = VmSegment.readSerial(serialLog);
        System.out.printf("PxeBootTest: %s (%s) powered off after %.1f s, qemu exit %d; seen at (s): %s%n", node,
                firmware, (System.nanoTime() - start) / 1e9, qemu.exitValue(), timeline.entrySet().stream()
                        .map(e -> String.format("%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        String status = member.ok("nodedeploy", node).out();
        String completed = node + ": completed: " + profile + " (succeeded: " + firmware + " boot, kernel ";
        assertTrue(status.startsWith(completed), "nodedeploy " + node + " says: " + status + "\nserial log:\n"
                + tail(serial) + "\nmember log:\n" + member.logTail());
        assertEquals(0, qemu.exitValue(), tail(serial));
        // iPXE's DHCP: our static offer with the script's URL; then the script and the profile's
        // files over HTTP; /init reached us with the key
        String http = "http://" + VmSegment.SERVER + ":" + member.deployHttpPort + "/";
        assertSerial(serial, "net0: " + ip + "/255.255.255.0", "Next server: " + VmSegment.SERVER,
                "Filename: " + http + "boot/by-mac/" + mac + "/boot.ipxe", "/boot.ipxe... ok", "Deploying " + profile,
                http + "confluent-public/os/" + profile + "/vmlinuz... ok",
                http + "confluent-public/os/" + profile + "/initrd.gz... ok",
                "confluent-init: started", "confluent-init: network up: ", "inet " + ip + "/24",
                "confluent-init: api key received (43 characters)",
                "confluent-init: updatestatus answered {\"updated\":\"" + node + "\"}");
        return serial;
    }

    /** The serial log under target/pxe-boot/ too, for looking at after the run (CI keeps target/). */
    private static void keep(Path serialLog) throws IOException {
        Path kept = Files.createDirectories(Path.of("target", "pxe-boot"));
        Files.copy(serialLog, kept.resolve(serialLog.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertSerial(String serial, String... expected) {
        for (String text : expected) {
            assertTrue(serial.contains(text), "no '" + text + "' in the serial log:\n" + tail(serial));
        }
    }

    private static String tail(String text) {
        return text.length() > 8000 ? text.substring(text.length() - 8000) : text;
    }
}
