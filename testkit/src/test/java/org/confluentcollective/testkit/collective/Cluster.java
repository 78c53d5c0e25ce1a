package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Member processes of one test, formed into a collective the way an administrator would.
 * Registered as a JUnit extension: each test gets its own directory, and every member still
 * running is killed after it.
 */
final class Cluster implements BeforeEachCallback, AfterEachCallback {

    static final Duration CONVERGE = Duration.ofSeconds(90);

    private final List<MemberProcess> members = new ArrayList<>();
    private final List<String> jvmOptions;
    private Path root;

    Cluster() {
        this(List.of());
    }

    /** Members whose JVMs get {@code extraJvmOptions} too (e.g. {@code -Dconfluent.<key>=value}). */
    Cluster(List<String> extraJvmOptions) {
        List<String> options = new ArrayList<>(MemberProcess.TEST_JVM);
        options.addAll(extraJvmOptions);
        this.jvmOptions = List.copyOf(options);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        // Short: Unix socket paths under it must stay within 108 bytes.
        root = Files.createTempDirectory("cc");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (MemberProcess member : members) {
            member.kill();
        }
        members.clear();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Starts a fresh member (a collective of one). */
    MemberProcess start(String name) throws Exception {
        return start(name, name);
    }

    /** Starts a fresh member named {@code name} on a new machine (state directory) {@code machine}. */
    MemberProcess start(String name, String machine) throws Exception {
        return create(name, machine).start();
    }

    /** A member that is not started yet, so that a test can prepare its machine first. */
    MemberProcess create(String name, String machine) throws IOException {
        MemberProcess member = new MemberProcess(root, name, machine, jvmOptions);
        members.add(member);
        return member;
    }

    /** {@code first} plus fresh members {@code names}, each invited by {@code first} and joined. */
    List<MemberProcess> form(MemberProcess first, String... names) throws Exception {
        List<MemberProcess> formed = new ArrayList<>(List.of(first));
        for (String name : names) {
            MemberProcess joiner = start(name);
            first.admit(joiner);
            formed.add(joiner);
        }
        return formed;
    }

    List<MemberProcess> members() {
        return List.copyOf(members);
    }

    /** Forgets a member killed for good (it is not checked for agreement any more). */
    void drop(MemberProcess member) throws InterruptedException {
        member.kill();
        members.remove(member);
    }

    /** Every running member shows the same members, all live, with these many voters and observers. */
    void assertAgree(int voters, int observers) throws Exception {
        Map<String, String> expected = null;
        for (MemberProcess member : members) {
            JsonNode status = member.awaitStatus(s -> MemberProcess.formed(s, members.size())
                    && count(roles(s), "voter") == voters
                    && count(roles(s), "observer") == observers, CONVERGE);
            if (expected == null) {
                expected = roles(status);
            }
            assertEquals(expected, roles(status), "collective show on " + member.name);
            assertTrue(status.path("leader").isTextual(), status.toString());
        }
    }

    /**
     * Waits until every running member's answer equals {@code expected}. An error is waited out
     * too: a read names a node that a lagging member's copy may not hold yet (reads never ask the
     * collective), and confluentctl then fails with an unknown name.
     */
    void awaitEverywhere(String expected, String... ctlArgs) throws Exception {
        for (MemberProcess member : members) {
            awaitEqual(expected, () -> {
                CliRunner.Result answer = member.ctl(ctlArgs);
                return answer.exitCode() == 0 ? answer.out() : answer.toString();
            }, member.name + ": " + String.join(" ", ctlArgs));
        }
    }

    /** Waits until every running member holds exactly {@code expected} (see {@link MemberProcess#dump}). */
    void awaitDumps(String expected) throws Exception {
        for (MemberProcess member : members) {
            awaitEqual(expected, member::dump, "everything held by " + member.name);
        }
    }

    static void awaitEqual(String expected, Supplier<String> actual, String what) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        String seen = actual.get();
        while (!seen.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = actual.get();
        }
        assertEquals(expected, seen, what);
    }

    static Map<String, String> roles(JsonNode status) {
        Map<String, String> roles = new TreeMap<>();
        status.path("members").forEach(m -> roles.put(m.path("name").asText(), m.path("role").asText()));
        return roles;
    }

    private static long count(Map<String, String> roles, String role) {
        return roles.values().stream().filter(role::equals).count();
    }
}
