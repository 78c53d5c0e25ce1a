package org.confluentcollective.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.testkit.MemberProcess;

/**
 * The member processes of one benchmark run, each confluentd in a JVM of its own under one
 * temporary directory. {@link #close()} kills every member still running and deletes the
 * directory (kept with {@code -Dbench.keep=true}); it is safe to call twice, from a shutdown hook
 * as well as at the end of the run.
 */
final class BenchMembers implements AutoCloseable {

    private final Path root;
    private final String heap;
    private final List<MemberProcess> running = new ArrayList<>();
    private boolean closed;

    /**
     * @param prefix the temporary directory's name prefix; short, since the members' Unix socket
     *               paths under it must stay within 108 bytes
     * @param heap   each member's {@code -Xmx}
     */
    BenchMembers(String prefix, String heap) throws IOException {
        this.root = Files.createTempDirectory(prefix);
        this.heap = heap;
    }

    Path root() {
        return root;
    }

    /** Starts a member's process; it answers once {@link MemberProcess#awaitReady()} returns. */
    synchronized MemberProcess launch(String name) throws IOException {
        MemberProcess member = new MemberProcess(root, name, name, List.of("-Xmx" + heap));
        running.add(member);
        member.launch();
        return member;
    }

    /** Kills a member for good and deletes its directory. */
    void discard(MemberProcess member) throws IOException, InterruptedException {
        member.kill();
        synchronized (this) {
            running.remove(member);
        }
        BenchDaemon.deleteTree(member.dir);
    }

    /** CPU time used so far by all running members together. */
    synchronized long cpuNanos() {
        return running.stream().mapToLong(MemberProcess::cpuNanos).sum();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MemberProcess member : running) {
            try {
                member.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        if (Boolean.getBoolean("bench.keep")) {
            System.err.println("kept the members' directories and logs in " + root);
            return;
        }
        try {
            BenchDaemon.deleteTree(root);
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
