package org.confluentcollective.web;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.confluentcollective.dhcp.DhcpSettings;

/**
 * The deployment services of a member (docs/operations.md, "Deployment root"). The HTTP port
 * always runs (an unprivileged port); DHCP and TFTP need ports 67 and 69, so they are off unless
 * enabled, and an enabled one that cannot bind is logged once and left out rather than stopping
 * the member ({@code GET /networking} shows why).
 *
 * @param root           the deployment root: {@code tftp/} (loaders), {@code profiles/<name>/}
 * @param ipxeDirectory  where {@code osdeploy initialize} copies the iPXE loaders from
 * @param httpAddress    address of the deployment HTTP port
 * @param httpPort       the deployment HTTP port (boot scripts, profile files, {@code /self/})
 * @param dhcpEnabled    whether the DHCP responder runs
 * @param dhcpPort       its port (67; replies go to 68)
 * @param dhcpInterfaces interfaces it serves; empty: every up, non-loopback one
 * @param dhcpProxyPort  its proxyDHCP port (PXE 2.1: 4011; docs/dhcp.md), 0: none; only with DHCP
 * @param dhcpArm64BootFile the arm64 UEFI loader under {@code <root>/tftp} (TFTP for arm64 PXE,
 *                       HTTP for arm64 HTTP boot); arm64 clients are answered only while it is there
 * @param tftpEnabled    whether the TFTP server runs (serving {@code <root>/tftp})
 * @param tftpAddress    its address
 * @param tftpPort       its port (69)
 */
public record DeploySettings(Path root, Path ipxeDirectory, String httpAddress, int httpPort, boolean dhcpEnabled,
                             int dhcpPort, Set<String> dhcpInterfaces, int dhcpProxyPort, String dhcpArm64BootFile,
                             boolean tftpEnabled, String tftpAddress, int tftpPort) {

    public DeploySettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(ipxeDirectory, "ipxeDirectory");
        Objects.requireNonNull(httpAddress, "httpAddress");
        Objects.requireNonNull(tftpAddress, "tftpAddress");
        Objects.requireNonNull(dhcpArm64BootFile, "dhcpArm64BootFile");
        dhcpInterfaces = Set.copyOf(dhcpInterfaces);
        for (int port : new int[] {httpPort, dhcpPort, dhcpProxyPort, tftpPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** Tests: HTTP on a free loopback port, no DHCP, no TFTP. */
    public static DeploySettings loopback(Path root) {
        return new DeploySettings(root, Path.of("/usr/lib/ipxe"), "127.0.0.1", 0, false, 67, Set.of(), 4011,
                DhcpSettings.DEFAULT_ARM64_BOOT_FILE, false, "0.0.0.0", 69);
    }

    public DeploySettings withIpxeDirectory(Path directory) {
        return new DeploySettings(root, directory, httpAddress, httpPort, dhcpEnabled, dhcpPort, dhcpInterfaces,
                dhcpProxyPort, dhcpArm64BootFile, tftpEnabled, tftpAddress, tftpPort);
    }

    /** DHCP on {@code port}, serving {@code interfaces} (empty: every up, non-loopback one). */
    public DeploySettings withDhcp(int port, Set<String> interfaces) {
        return new DeploySettings(root, ipxeDirectory, httpAddress, httpPort, true, port, interfaces,
                dhcpProxyPort, dhcpArm64BootFile, tftpEnabled, tftpAddress, tftpPort);
    }
}
