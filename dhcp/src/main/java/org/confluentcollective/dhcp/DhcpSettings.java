package org.confluentcollective.dhcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the DHCP responder runs. {@link #defaults} gives the production values; tests change ports
 * and interfaces.
 *
 * @param port             the server port (67)
 * @param clientPort       where replies go (68)
 * @param interfaces       the interfaces served; empty: every up, non-loopback interface
 * @param biosBootFile     TFTP file for BIOS PXE (arch 0): Debian's {@code undionly.kpxe}
 * @param uefiBootFile     TFTP file for UEFI x64 (arch 7, 9): {@code ipxe.efi}, which carries its
 *                         own drivers (snponly.efi would depend on the firmware's network stack)
 * @param ipxeUrl          the boot script URL for iPXE clients; {@code {server}}, {@code {port}},
 *                         {@code {mac}} (aa:bb:..), {@code {node}} and {@code {profile}} are replaced
 * @param httpPort         the web module's port, for {@code {port}}
 * @param leaseSeconds     lease of a static offer (the original's 240 s: the OS takes over soon)
 * @param workers          threads deciding and answering
 * @param queue            packets waiting for a worker; more are dropped (the client retries)
 * @param discoveryFile    where the discovery list is kept across restarts, or null (memory only)
 * @param maxDiscovered    bound of the discovery list (the least recently seen client leaves)
 * @param discoveryRefresh a known discovered client's last-seen time is updated at most this often
 * @param proxyPort        the proxyDHCP port (PXE 2.1: 4011) for clients that got their address
 *                         elsewhere and ask us for the boot file; 0: not served
 * @param arm64BootFile    the loader for arm64 UEFI (PXE arch 11 over TFTP, HTTP boot arch 19 over
 *                         HTTP), relative to {@code loaderRoot}: {@code aarch64/ipxe.efi} as the
 *                         original lays it out; arm64 clients are answered only while it is there
 * @param loaderRoot       where the loaders are (the TFTP root, also served over HTTP at
 *                         {@link #LOADER_PATH}); null: unknown, so arm64 is not answered
 */
public record DhcpSettings(int port, int clientPort, Set<String> interfaces, String biosBootFile,
                           String uefiBootFile, String ipxeUrl, int httpPort, int leaseSeconds, int workers,
                           int queue, Path discoveryFile, int maxDiscovered, Duration discoveryRefresh,
                           int proxyPort, String arm64BootFile, Path loaderRoot) {

    public static final String DEFAULT_IPXE_URL = "http://{server}:{port}/boot/by-mac/{mac}/boot.ipxe";
    /** Where the deployment HTTP port serves the loaders of {@code loaderRoot}, for UEFI HTTP boot. */
    public static final String LOADER_PATH = "/boot/loaders/";
    public static final String DEFAULT_ARM64_BOOT_FILE = "aarch64/ipxe.efi";
    /** A loader's name as it goes into a URL unescaped: path segments, no "..". */
    private static final Pattern LOADER_NAME =
            Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    public DhcpSettings {
        interfaces = Set.copyOf(interfaces);
        if (workers < 1 || queue < 1 || maxDiscovered < 0) {
            throw new IllegalArgumentException("workers, queue must be positive, maxDiscovered not negative");
        }
        if (proxyPort < 0 || proxyPort > 65535) {
            throw new IllegalArgumentException("proxy port " + proxyPort);
        }
        for (String loader : new String[] {uefiBootFile, arm64BootFile}) {
            if (!LOADER_NAME.matcher(loader).matches() || loader.contains("..")) {
                throw new IllegalArgumentException("loader name " + loader + ": path segments of letters, digits,"
                        + " '.', '_', '-' under the loader root");
            }
        }
    }

    /** Whether the arm64 loader is in place: without it an arm64 client is better left to another server. */
    public boolean arm64LoaderPresent() {
        return loaderRoot != null && Files.isRegularFile(loaderRoot.resolve(arm64BootFile));
    }

    /** Ports 67/68 and 4011, every interface, Debian's iPXE loaders, the discovery list in the state directory. */
    public static DhcpSettings defaults(Path stateDir) {
        return new DhcpSettings(67, 68, Set.of(), "undionly.kpxe", "ipxe.efi", DEFAULT_IPXE_URL, 80, 240, 2,
                4096, stateDir == null ? null : stateDir.resolve("discovery-pxe.tsv"), 10_000,
                Duration.ofSeconds(90), 4011, DEFAULT_ARM64_BOOT_FILE, null);
    }

    public DhcpSettings withPorts(int serverPort, int replyPort) {
        return new DhcpSettings(serverPort, replyPort, interfaces, biosBootFile, uefiBootFile, ipxeUrl, httpPort,
                leaseSeconds, workers, queue, discoveryFile, maxDiscovered, discoveryRefresh, proxyPort,
                arm64BootFile, loaderRoot);
    }

    public DhcpSettings withInterfaces(Set<String> served) {
        return new DhcpSettings(port, clientPort, served, biosBootFile, uefiBootFile, ipxeUrl, httpPort,
                leaseSeconds, workers, queue, discoveryFile, maxDiscovered, discoveryRefresh, proxyPort,
                arm64BootFile, loaderRoot);
    }

    public DhcpSettings withHttpPort(int webPort) {
        return new DhcpSettings(port, clientPort, interfaces, biosBootFile, uefiBootFile, ipxeUrl, webPort,
                leaseSeconds, workers, queue, discoveryFile, maxDiscovered, discoveryRefresh, proxyPort,
                arm64BootFile, loaderRoot);
    }

    public DhcpSettings withDiscovery(Path file, int max, Duration refresh) {
        return new DhcpSettings(port, clientPort, interfaces, biosBootFile, uefiBootFile, ipxeUrl, httpPort,
                leaseSeconds, workers, queue, file, max, refresh, proxyPort, arm64BootFile, loaderRoot);
    }

    /** proxyDHCP on {@code port}, or not at all with 0. */
    public DhcpSettings withProxyPort(int port) {
        return new DhcpSettings(this.port, clientPort, interfaces, biosBootFile, uefiBootFile, ipxeUrl, httpPort,
                leaseSeconds, workers, queue, discoveryFile, maxDiscovered, discoveryRefresh, port,
                arm64BootFile, loaderRoot);
    }

    /** The loaders under {@code root} (the TFTP root), arm64's named {@code arm64File}. */
    public DhcpSettings withLoaders(Path root, String arm64File) {
        return new DhcpSettings(port, clientPort, interfaces, biosBootFile, uefiBootFile, ipxeUrl, httpPort,
                leaseSeconds, workers, queue, discoveryFile, maxDiscovered, discoveryRefresh, proxyPort, arm64File,
                root);
    }
}
