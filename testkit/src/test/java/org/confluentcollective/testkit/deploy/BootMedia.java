package org.confluentcollective.testkit.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a test VM boots: Debian's cloud kernel (from the mirror, as {@code apt-get download}, cached
 * in {@code ~/.cache/confluent-collective-test/}) and an initrd built here: busybox-static, the
 * kernel's virtio network modules (the cloud kernel has {@code CONFIG_VIRTIO_NET=m} and no IP
 * autoconfiguration) and a shell {@code /init} that reports to the member with {@code /self/apikey}
 * and {@code /self/updatestatus}, then powers off.
 *
 * <p>The init reads from the kernel command line, which the profile's kernel arguments fill in
 * through iPXE's settings: {@code confluent_ip=${ip} confluent_netmask=${netmask}} (what DHCP
 * gave iPXE), {@code confluent_boot=${filename}} (the boot script's URL, so the member's address
 * and deployment port) and {@code confluent_node=NAME} (the profile is per node: nothing in the
 * boot script is). Needs dpkg-deb, tar, cpio and gzip; apt-get and apt-cache for the first run.
 */
final class BootMedia {

    /** The network modules the VMs need (virtio-net-pci on both machines), dependencies added. */
    static final List<String> NETWORK_MODULES = List.of("virtio_pci", "virtio_net");

    private static final String KERNEL_META = "linux-image-cloud-amd64";

    final Path kernel;
    private final Path modulesDir;
    private final Path busybox;

    private BootMedia(Path kernel, Path modulesDir, Path busybox) {
        this.kernel = kernel;
        this.modulesDir = modulesDir;
        this.busybox = busybox;
    }

    static Path cacheDir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("user.home"), ".cache", "confluent-collective-test"));
    }

    /** The kernel, its modules and busybox, downloaded and unpacked once. */
    static BootMedia prepare() throws IOException, InterruptedException {
        Path cache = cacheDir();
        Path kernelDeb = debian(cache, kernelPackage(cache));
        Path kernelTree = unpacked(cache, kernelDeb);
        Path boot = kernelTree.resolve("boot");
        Path kernel;
        try (Stream<Path> files = Files.list(boot)) {
            kernel = files.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst()
                    .orElseThrow(() -> new IOException("no vmlinuz in " + kernelDeb));
        }
        Path modules;
        try (Stream<Path> versions = Files.list(kernelTree.resolve("lib/modules"))) {
            modules = versions.findFirst().orElseThrow(() -> new IOException("no modules in " + kernelDeb))
                    .resolve("kernel");
        }
        Path busyboxTree = unpacked(cache, debian(cache, "busybox-static"));
        return new BootMedia(kernel, modules, busyboxTree.resolve("bin/busybox"));
    }

    /**
     * Writes {@code initrd.gz}: busybox at /bin/busybox, the modules flat in /lib/modules (load
     * order in /lib/modules/order) and {@code /init}.
     */
    Path buildInitrd(Path work) throws IOException, InterruptedException {
        Path root = work.resolve("initrd-root");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("lib/modules"));
        Files.copy(busybox, root.resolve("bin/busybox"), StandardCopyOption.REPLACE_EXISTING);
        root.resolve("bin/busybox").toFile().setExecutable(true);
        List<String> order = loadOrder(NETWORK_MODULES);
        for (String module : order) {
            Files.copy(findModule(module), root.resolve("lib/modules/" + module + ".ko"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(root.resolve("lib/modules/order"), String.join("\n", order) + "\n");
        Path init = root.resolve("init");
        Files.writeString(init, INIT);
        init.toFile().setExecutable(true);
        Path initrd = work.resolve("initrd.gz");
        run(work, "sh", "-c", "cd initrd-root && find . | cpio -o -H newc --quiet -R 0:0 | gzip -1 > ../initrd.gz");
        return initrd;
    }

    /** {@code modules} after everything they depend on ({@code depends=} in each .ko's .modinfo). */
    List<String> loadOrder(List<String> modules) throws IOException {
        Set<String> ordered = new LinkedHashSet<>();
        for (String module : modules) {
            visit(module, ordered, new LinkedHashSet<>());
        }
        return new ArrayList<>(ordered);
    }

    private void visit(String module, Set<String> ordered, Set<String> path) throws IOException {
        if (ordered.contains(module)) {
            return;
        }
        if (!path.add(module)) {
            throw new IOException("module dependency cycle: " + path);
        }
        for (String dependency : dependencies(findModule(module))) {
            visit(dependency, ordered, path);
        }
        ordered.add(module);
    }

    static List<String> dependencies(Path ko) throws IOException {
        String text = new String(Files.readAllBytes(ko), StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\0depends=");
        if (at < 0) {
            return List.of();
        }
        int start = at + "\0depends=".length();
        String value = text.substring(start, text.indexOf('\0', start));
        return value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    private Path findModule(String name) throws IOException {
        String wanted = name.replace('-', '_') + ".ko";
        try (Stream<Path> files = Files.walk(modulesDir)) {
            return files.filter(p -> p.getFileName().toString().replace('-', '_').equals(wanted)).findFirst()
                    .orElseThrow(() -> new IOException("no module " + name + " under " + modulesDir
                            + " (compressed modules are not handled)"));
        }
    }

    /** The versioned kernel package the meta package depends on, or the one cached before. */
    private static String kernelPackage(Path cache) throws IOException, InterruptedException {
        Optional<String> fromApt = Optional.empty();
        try {
            fromApt = run(cache, "apt-cache", "depends", KERNEL_META).lines().map(String::strip)
                    .filter(line -> line.startsWith("Depends: linux-image-"))
                    .map(line -> line.substring("Depends: ".length())).findFirst();
        } catch (IOException noApt) {
            // fall back to the cache below
        }
        if (fromApt.isPresent()) {
            return fromApt.get();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("linux-image-") && n.endsWith(".deb") && n.contains("-cloud-amd64_"))
                    .sorted().reduce((a, b) -> b).map(n -> n.substring(0, n.indexOf('_')))
                    .orElseThrow(() -> new IOException("apt-cache does not know " + KERNEL_META
                            + " and nothing is cached in " + cache));
        }
    }

    /** {@code package_*.deb} in the cache, downloaded with apt-get when missing. */
    private static Path debian(Path cache, String name) throws IOException, InterruptedException {
        Optional<Path> cached = cachedDeb(cache, name);
        if (cached.isEmpty()) {
            run(cache, "apt-get", "download", "-q", name);
            cached = cachedDeb(cache, name);
        }
        return cached.orElseThrow(() -> new IOException("apt-get download " + name + " left no .deb in " + cache));
    }

    private static Optional<Path> cachedDeb(Path cache, String name) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + "_")
                    && p.getFileName().toString().endsWith(".deb")).sorted().reduce((a, b) -> b);
        }
    }

    /** The package's files under {@code cache/<deb name without .deb>/}, unpacked once. */
    private static Path unpacked(Path cache, Path deb) throws IOException, InterruptedException {
        String name = deb.getFileName().toString();
        Path tree = cache.resolve(name.substring(0, name.length() - ".deb".length()));
        if (Files.isDirectory(tree)) {
            return tree;
        }
        Path partial = Files.createTempDirectory(cache, "unpacking-");
        run(cache, "dpkg-deb", "-x", deb.toString(), partial.toString());
        Files.move(partial, tree, StandardCopyOption.ATOMIC_MOVE);
        return tree;
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** The kernel arguments of a profile for {@code node}: iPXE fills in the settings. */
    static String kernelArgs(String node) {
        return "console=ttyS0 panic=-1 confluent_node=" + node
                + " confluent_ip=${ip} confluent_netmask=${netmask} confluent_boot=${filename}";
    }

    /**
     * The initrd's /init. Everything it does is printed with a {@code confluent-init:} prefix; it
     * always powers off (qemu runs with -no-reboot, so a panic ends the VM too). Busybox 1.35's
     * {@code wget -T} segfaults (Debian 1:1.35.0-4+deb12u1), hence {@code timeout 10 wget}.
     */
    static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
            /bin/busybox --install -s
            export PATH=/bin:/sbin:/usr/bin:/usr/sbin
            mount -t proc proc /proc
            mount -t sysfs sysfs /sys
            mount -t devtmpfs devtmpfs /dev 2>/dev/null
            say() { echo "confluent-init: $*"; }
            fail() { say "FAILED: $*"; poweroff -f; }
            say "started"
            arg() { for word in $(cat /proc/cmdline); do case "$word" in "$1="*) echo "${word#*=}";; esac; done; }
            NODE=$(arg confluent_node)
            IP=$(arg confluent_ip)
            MASK=$(arg confluent_netmask)
            BOOT=$(arg confluent_boot)
            SERVER=${BOOT#http://}
            SERVER=${SERVER%%/*}
            if [ -d /sys/firmware/efi ]; then FIRMWARE=uefi; else FIRMWARE=bios; fi
            say "node $NODE address $IP/$MASK server $SERVER firmware $FIRMWARE"
            [ -n "$NODE" ] && [ -n "$IP" ] && [ -n "$SERVER" ] || fail "missing kernel arguments: $(cat /proc/cmdline)"
            for module in $(cat /lib/modules/order); do
                insmod /lib/modules/$module.ko || fail "insmod $module"
            done
            for i in $(seq 50); do [ -e /sys/class/net/eth0 ] && break; sleep 0.1; done
            [ -e /sys/class/net/eth0 ] || fail "no eth0: $(ls /sys/class/net)"
            ifconfig lo 127.0.0.1 up
            ifconfig eth0 "$IP" netmask "$MASK" up || fail "ifconfig eth0"
            say "network up: $(ip -4 addr show dev eth0 | grep inet)"
            for i in $(seq 10); do
                KEY=$(timeout 10 wget -q -O - --post-data '' --header "CONFLUENT_NODENAME: $NODE" "http://$SERVER/self/apikey") && break
                sleep 1
            done
            [ -n "$KEY" ] || fail "no api key from http://$SERVER/self/apikey"
            say "api key received (${#KEY} characters)"
            BODY="{\\"status\\":\\"complete\\",\\"state\\":\\"succeeded\\",\\"state_detail\\":\\"$FIRMWARE boot, kernel $(uname -r)\\"}"
            ANSWER=$(timeout 10 wget -q -O - --post-data "$BODY" --header "CONFLUENT_NODENAME: $NODE" \\
                --header "CONFLUENT_APIKEY: $KEY" --header "Content-Type: application/json" \\
                "http://$SERVER/self/updatestatus") || fail "updatestatus refused"
            say "updatestatus answered $ANSWER"
            poweroff -f
            """;
}
