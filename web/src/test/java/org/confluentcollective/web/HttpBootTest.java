package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.confluentcollective.dhcp.DhcpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UEFI HTTP boot through a real daemon: its DHCP responder on port 67 of {@code hbh0}
 * (10.231.73.1/24, default namespace) on a bridge in namespace {@code hbseg}, busybox udhcpc in
 * {@code hbcl} asking as EDK2's HTTP boot does; the URL it gets is fetched from that namespace with
 * busybox wget and gives the loader {@code osdeploy initialize} copied. Needs root and iproute2;
 * deleting the namespaces deletes the veths.
 */
@Tag("slow")
class HttpBootTest {

    private static final String HOST_IF = "hbh0";
    private static final String SERVER = "10.231.73.1";
    private static final String CLIENT_NS = "hbcl";
    private static final String CLIENT_IF = "hbc0";
    private static final String SEGMENT_NS = "hbseg";
    private static final String MAC = "52:54:00:73:00:01";

    @TempDir
    static Path dir;

    static Confluentd daemon;
    static ApiClient socket;
    static byte[] loader;

    @BeforeAll
    static void start() throws Exception {
        deleteNamespaces();
        run("ip", "netns", "add", SEGMENT_NS);
        run("ip", "netns", "add", CLIENT_NS);
        run("ip", "-n", SEGMENT_NS, "link", "add", "br0", "type", "bridge");
        run("ip", "-n", SEGMENT_NS, "link", "set", "br0", "up");
        run("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", "hbh0p", "netns", SEGMENT_NS);
        run("ip", "addr", "add", SERVER + "/24", "dev", HOST_IF);
        run("ip", "link", "set", HOST_IF, "up");
        run("ip", "link", "add", CLIENT_IF, "netns", CLIENT_NS, "address", MAC, "type", "veth", "peer", "name",
                "hbc0p", "netns", SEGMENT_NS);
        run("ip", "-n", CLIENT_NS, "link", "set", CLIENT_IF, "up");
        for (String port : List.of("hbh0p", "hbc0p")) {
            run("ip", "-n", SEGMENT_NS, "link", "set", port, "master", "br0");
            run("ip", "-n", SEGMENT_NS, "link", "set", port, "up");
        }
        Path ipxe = Files.createDirectories(dir.resolve("ipxe"));
        loader = new byte[300_000];
        new Random(16).nextBytes(loader);
        Files.write(ipxe.resolve("ipxe.efi"), loader);
        // The deployment port on the segment's address (a free port), DHCP on 67 for hbh0 only.
        daemon = Confluentd.start(DaemonConfig.builder(dir.resolve("state"), "m1")
                .deploy(new DeploySettings(dir.resolve("deploy"), ipxe, SERVER, 0, true, 67, Set.of(HOST_IF), 0,
                        DhcpSettings.DEFAULT_ARM64_BOOT_FILE, false, "0.0.0.0", 69)).build());
        socket = ApiClient.socket(daemon.socketPath());
        assertEquals(200, socket.post("/deployment/initialize", "{}").status());
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"hb1\",\"net.hwaddr\":\"" + MAC
                + "\",\"net.ipv4_address\":\"10.231.73.21/24\",\"deployment.pendingprofile\":\"tiny\"}").status());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (socket != null) {
                socket.close();
            }
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            deleteNamespaces();
        }
    }

    @Test
    void anHttpBootClientGetsTheLoadersUrlAndTheLoaderFromIt() throws Exception {
        String url = "http://" + SERVER + ":" + daemon.deploymentHttpPort() + "/boot/loaders/ipxe.efi";
        assertEquals(List.of("bound ip=10.231.73.21 boot_file=" + url),
                udhcpc("HTTPClient:Arch:00016:UNDI:003001", "0x5d:0010"));
        assertArrayEquals(loader, wget(url), "the bytes osdeploy initialize copied");
        HttpResponse<byte[]> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, direct.statusCode());
        assertEquals(Optional.of("application/efi"), direct.headers().firstValue("Content-Type"),
                "EDK2 runs it as an EFI image by this type");
        assertEquals(Optional.of(Integer.toString(loader.length)), direct.headers().firstValue("Content-Length"));
        HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(Optional.of(Integer.toString(loader.length)), head.headers().firstValue("Content-Length"),
                "EDK2 asks for the size first");
        for (String escape : List.of("/boot/loaders/../../state/member.key", "/boot/loaders/%2e%2e/deploy.key",
                "/boot/loaders/", "/boot/loaders/none.efi")) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + SERVER + ":" + daemon.deploymentHttpPort() + escape)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(refused.statusCode() >= 400, escape + ": " + refused.statusCode());
        }
    }

    @Test
    void anArm64HttpBootClientIsAnsweredOnceItsLoaderIsThere() throws Exception {
        assertEquals(List.of(), udhcpc("HTTPClient:Arch:00019:UNDI:003001", "0x5d:0013"), "no arm64 loader");
        byte[] arm64 = "arm64 loader".getBytes();
        Path tftp = dir.resolve("deploy/tftp");
        Files.createDirectories(tftp.resolve("aarch64"));
        Files.write(tftp.resolve("aarch64/ipxe.efi"), arm64);
        String url = "http://" + SERVER + ":" + daemon.deploymentHttpPort() + "/boot/loaders/aarch64/ipxe.efi";
        assertEquals(List.of("bound ip=10.231.73.21 boot_file=" + url),
                udhcpc("HTTPClient:Arch:00019:UNDI:003001", "0x5d:0013"));
        assertArrayEquals(arm64, wget(url));
    }

    /** udhcpc once in the client namespace, as an HTTP boot client; the lines its script wrote. */
    private static List<String> udhcpc(String vendorClass, String architecture) throws Exception {
        Path out = Files.createTempFile(dir, "udhcpc", ".out");
        Path script = dir.resolve("udhcpc.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1 ip=$ip boot_file=$boot_file\" >> " + out + "\n");
        script.toFile().setExecutable(true);
        Process process = new ProcessBuilder("ip", "netns", "exec", CLIENT_NS, "busybox", "udhcpc", "-i", CLIENT_IF,
                "-f", "-q", "-n", "-t", "3", "-T", "1", "-s", script.toString(), "-V", vendorClass,
                "-x", architecture).redirectErrorStream(true).redirectOutput(dir.resolve("udhcpc.log").toFile())
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return Files.readAllLines(out).stream().filter(line -> line.startsWith("bound")).toList();
    }

    /** The URL fetched from the client namespace (its address set as udhcpc got it). */
    private static byte[] wget(String url) throws Exception {
        new ProcessBuilder("ip", "-n", CLIENT_NS, "addr", "replace", "10.231.73.21/24", "dev", CLIENT_IF)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Path file = dir.resolve("fetched");
        Files.deleteIfExists(file);
        run("ip", "netns", "exec", CLIENT_NS, "busybox", "wget", "-q", "-O", file.toString(), url);
        return Files.readAllBytes(file);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
    }

    private static void deleteNamespaces() throws IOException, InterruptedException {
        for (String ns : List.of(CLIENT_NS, SEGMENT_NS)) {
            new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }
}
