package org.confluentcollective.testkit.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.testkit.MemberProcess;

/**
 * Network partitions between members on one host (../shared/notes/real-clients.md §1): all
 * member connections leave from 127.0.0.1, so addresses cannot tell members apart. Each member
 * runs under a group id of its own; a mangle rule marks every new TCP connection by the group
 * of the process that opened it, and a cut drops, in both directions, the connections that one
 * side opened to the other side's ZooKeeper and member ports. Only this run's two chains are
 * touched, and they are removed on close. Must exist before the members start, so that every
 * member connection is marked.
 */
public final class Partitioner implements AutoCloseable {

    private static final String MASK = "0xff0000";

    private final String markChain;
    private final String cutChain;
    private final List<MemberProcess> members;
    private final String iptables;

    /** Installs the marking rules for {@code members} (which must each have a group id). */
    public Partitioner(String runId, List<MemberProcess> members) throws IOException, InterruptedException {
        this.markChain = "CCF-" + runId + "-MARK";
        this.cutChain = "CCF-" + runId + "-CUT";
        this.members = List.copyOf(members);
        this.iptables = Files.isExecutable(Path.of("/usr/sbin/iptables")) ? "/usr/sbin/iptables" : "iptables";
        try {
            iptables("-t", "mangle", "-N", markChain);
            for (MemberProcess member : this.members) {
                iptables("-t", "mangle", "-A", markChain, "-p", "tcp", "-m", "conntrack", "--ctstate", "NEW",
                        "-m", "owner", "--gid-owner", Integer.toString(member.groupId().orElseThrow()),
                        "-j", "CONNMARK", "--set-mark", mark(member) + "/" + MASK);
            }
            iptables("-t", "mangle", "-I", "OUTPUT", "-j", markChain);
            iptables("-t", "filter", "-N", cutChain);
            iptables("-t", "filter", "-I", "OUTPUT", "-j", cutChain);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Cuts {@code isolated} off from every other member (its clients on its socket still reach it). */
    public void isolate(MemberProcess isolated) throws IOException, InterruptedException {
        for (MemberProcess other : members) {
            if (other != isolated) {
                drop(isolated, other);
                drop(other, isolated);
            }
        }
    }

    /** Removes every cut. */
    public void heal() throws IOException, InterruptedException {
        iptables("-t", "filter", "-F", cutChain);
    }

    /** Drops connections that {@code from} opens to {@code to}'s ports, both ways. */
    private void drop(MemberProcess from, MemberProcess to) throws IOException, InterruptedException {
        for (int port : List.of(to.quorumPort, to.electionPort, to.clientPort, to.memberPort)) {
            iptables("-t", "filter", "-A", cutChain, "-p", "tcp", "-m", "connmark", "--mark", mark(from) + "/" + MASK,
                    "-m", "conntrack", "--ctorigdst", "127.0.0.1", "--ctorigdstport", Integer.toString(port),
                    "-j", "DROP");
        }
    }

    private String mark(MemberProcess member) {
        return "0x" + Integer.toHexString((members.indexOf(member) + 1) << 16);
    }

    private void iptables(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(iptables, "-w"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
    }

    /** Removes the hooks and both chains; each step on its own, so that one failure does not leave the rest. */
    @Override
    public void close() throws InterruptedException {
        List<List<String>> steps = List.of(
                List.of("-t", "mangle", "-D", "OUTPUT", "-j", markChain),
                List.of("-t", "mangle", "-F", markChain),
                List.of("-t", "mangle", "-X", markChain),
                List.of("-t", "filter", "-D", "OUTPUT", "-j", cutChain),
                List.of("-t", "filter", "-F", cutChain),
                List.of("-t", "filter", "-X", cutChain));
        for (List<String> step : steps) {
            try {
                iptables(step.toArray(String[]::new));
            } catch (IOException notThere) {
                // a chain that setup never created: nothing to remove
            }
        }
    }
}
