package org.confluentcollective.testkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.confluentcollective.testkit.MemberProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Who answers a node's PXE boot, with real members: three member processes form a collective, each
 * with DHCP on port 67 of its own veth end ({@code pfm1..3}, 10.233.0.1-3/24) on one bridge (in
 * namespace {@code pfseg}); busybox udhcpc in namespace {@code pfcl} on the same bridge boots as the
 * node ({@code collective.manager=m1}, {@code collective.managercandidates=m1,m2}). tcpdump on the
 * client's interface shows who answered: m1 only; after {@code kill -9} of m1, m2 only (m3 is no
 * candidate and never answers). Two members would not do: the survivor of two has no quorum, and
 * without one a member keeps its last view of who is live.
 */
@Tag("slow")
class PxeFailoverTest {

    private static final String SEGMENT_NS = "pfseg";
    private static final String CLIENT_NS = "pfcl";
    private static final String CLIENT_IF = "pfc0";
    private static final String MAC = "52:54:00:33:00:50";
    private static final String PXE = "PXEClient:Arch:00000:UNDI:002001";
    private static final Pattern REPLY = Pattern.compile("^(\\d+\\.\\d+) IP (\\d+\\.\\d+\\.\\d+\\.\\d+)\\.67 > ");

    private Path root;
    private final List<MemberProcess> members = new ArrayList<>();
    private Process tcpdump;

    static String address(int member) {
        return "10.233.0." + member;
    }

    @BeforeEach
    void segment() throws Exception {
        deleteSegment();
        run("ip", "netns", "add", SEGMENT_NS);
        run("ip", "netns", "add", CLIENT_NS);
        run("ip", "-n", SEGMENT_NS, "link", "add", "br0", "type", "bridge");
        run("ip", "-n", SEGMENT_NS, "link", "set", "br0", "up");
        for (int i = 1; i <= 3; i++) {
            String host = "pfm" + i;
            run("ip", "link", "add", host, "type", "veth", "peer", "name", host + "p", "netns", SEGMENT_NS);
            run("ip", "addr", "add", address(i) + "/24", "dev", host);
            run("ip", "link", "set", host, "up");
            attach(host + "p");
        }
        run("ip", "link", "add", CLIENT_IF, "netns", CLIENT_NS, "type", "veth", "peer", "name", CLIENT_IF + "p",
                "netns", SEGMENT_NS);
        run("ip", "-n", CLIENT_NS, "link", "set", CLIENT_IF, "address", MAC);
        run("ip", "-n", CLIENT_NS, "link", "set", CLIENT_IF, "up");
        attach(CLIENT_IF + "p");
        // Short: Unix socket paths under it must stay within 108 bytes.
        root = Files.createTempDirectory("pf");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tcpdump != null) {
            tcpdump.destroy();
            tcpdump.waitFor(5, TimeUnit.SECONDS);
        }
        for (MemberProcess member : members) {
            member.kill();
        }
        deleteSegment();
        if (root != null) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private MemberProcess member(int i) throws Exception {
        MemberProcess member = new MemberProcess(root, "m" + i).withSettings("dhcp.enabled=true",
                "dhcp.interfaces=pfm" + i);
        members.add(member);
        return member.start();
    }

    @Test
    void exactlyTheManagerAnswersThenTheCandidateAfterItsKilled() throws Exception {
        MemberProcess m1 = member(1);
        MemberProcess m2 = member(2);
        m1.admit(m2);
        MemberProcess m3 = member(3);
        m1.admit(m3);
        for (MemberProcess member : members) {
            member.awaitStatus(status -> MemberProcess.formed(status, 3), Duration.ofSeconds(90));
        }
        m1.ok("nodedefine", "pxf1", "net.hwaddr=" + MAC, "net.ipv4_address=10.233.0.50/24",
                "collective.manager=m1", "collective.managercandidates=m1,m2", "deployment.pendingprofile=tiny");
        for (MemberProcess member : members) {
            awaitOut(member, "pxf1: deployment.pendingprofile: tiny\n", "nodeattrib", "pxf1", "deployment.pendingprofile");
        }
        Path capture = root.resolve("replies.txt");
        tcpdump = new ProcessBuilder("ip", "netns", "exec", CLIENT_NS, "tcpdump", "-i", CLIENT_IF, "-n", "-l", "-tt",
                "udp", "src", "port", "67").redirectErrorStream(true).redirectOutput(capture.toFile()).start();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                !Files.readString(capture).contains("listening on") && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
        }
        // Otherwise the replies below would be missing from the capture, and the failure would blame the members.
        assertTrue(Files.readString(capture).contains("listening on"), "tcpdump: " + Files.readString(capture));

        List<String> bound = udhcpc(3);
        assertEquals(List.of("bound ip=10.233.0.50 serverid=" + address(1)), bound, Files.readString(capture));
        firstReply(capture, address(1));
        // Deliberately a fixed wait: what is checked next is that no other member answers meanwhile.
        Thread.sleep(1000);
        Map<String, Integer> before = replies(capture, 0);
        assertEquals(List.of(address(1)), List.copyOf(before.keySet()), "exactly one member answered: " + before);

        double killed = System.currentTimeMillis() / 1000.0;
        m1.kill();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> after = List.of();
        while (after.isEmpty() && System.nanoTime() < deadline) {
            after = udhcpc(1);
        }
        assertEquals(List.of("bound ip=10.233.0.50 serverid=" + address(2)), after, Files.readString(capture));
        double firstFromM2 = firstReply(capture, address(2));
        // Deliberately a fixed wait: what is checked next is that no other member answers meanwhile.
        Thread.sleep(1000);
        Map<String, Integer> since = replies(capture, killed);
        assertEquals(List.of(address(2)), List.copyOf(since.keySet()), "only the candidate answered: " + since);
        System.out.printf("PxeFailoverTest: before the kill %s answered (%s); kill -9 of m1 to the first answer of "
                        + "m2: %d ms; after: %s%n", address(1), before, Math.round((firstFromM2 - killed) * 1000),
                since);
        String manager = m2.ok("nodeattrib", "pxf1", "collective.manager").out();
        System.out.printf("PxeFailoverTest: after the answer, m2 shows %s", manager);
        assertTrue(manager.equals("pxf1: collective.manager: m1\n") || manager.equals("pxf1: collective.manager: m2\n"),
                manager);
    }

    /** One udhcpc run with PXE options (BIOS); the lines its script wrote for a lease. */
    private List<String> udhcpc(int tries) throws IOException, InterruptedException {
        Path out = Files.createTempFile(root, "udhcpc", ".out");
        Path script = root.resolve("udhcpc.sh");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = bound ] && echo \"bound ip=$ip serverid=$serverid\" >> "
                + out + "\nexit 0\n");
        script.toFile().setExecutable(true);
        Process process = new ProcessBuilder("ip", "netns", "exec", CLIENT_NS, "busybox", "udhcpc", "-i", CLIENT_IF,
                "-f", "-q", "-n", "-t", Integer.toString(tries), "-T", "1", "-s", script.toString(), "-V", PXE,
                "-x", "0x5d:0000").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return Files.readAllLines(out);
    }

    /** Replies (offers and acks) seen since {@code since} (epoch seconds), counted by source address. */
    private static Map<String, Integer> replies(Path capture, double since) throws IOException {
        Map<String, Integer> bySource = new TreeMap<>();
        for (String line : Files.readAllLines(capture)) {
            Matcher reply = REPLY.matcher(line);
            if (reply.find() && Double.parseDouble(reply.group(1)) >= since) {
                bySource.merge(reply.group(2), 1, Integer::sum);
            }
        }
        return bySource;
    }

    /** When {@code source} first answered; tcpdump may write its lines a little after the client saw them. */
    private static double firstReply(Path capture, String source) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            for (String line : Files.readAllLines(capture)) {
                Matcher reply = REPLY.matcher(line);
                if (reply.find() && reply.group(2).equals(source)) {
                    return Double.parseDouble(reply.group(1));
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no reply from " + source + " in the capture:\n" + Files.readString(capture));
    }

    /**
     * Waits until {@code member} answers {@code expected}; an error is waited out too (a member whose
     * copy does not hold the node yet fails the read with an unknown name).
     */
    private static void awaitOut(MemberProcess member, String expected, String... args) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String seen = answer(member, args);
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = answer(member, args);
        }
        assertEquals(expected, seen, member.name);
    }

    private static String answer(MemberProcess member, String... args) {
        org.confluentcollective.cli.CliRunner.Result result = member.ctl(args);
        return result.exitCode() == 0 ? result.out() : result.toString();
    }

    private static void attach(String port) throws IOException, InterruptedException {
        run("ip", "-n", SEGMENT_NS, "link", "set", port, "master", "br0");
        run("ip", "-n", SEGMENT_NS, "link", "set", port, "up");
    }

    private static void deleteSegment() throws IOException, InterruptedException {
        for (String ns : List.of(CLIENT_NS, SEGMENT_NS)) {
            new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        for (int i = 1; i <= 3; i++) {
            new ProcessBuilder("ip", "link", "del", "pfm" + i).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        VmSegment.run(command);
    }
}
