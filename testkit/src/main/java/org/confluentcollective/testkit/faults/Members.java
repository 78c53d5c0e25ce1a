package org.confluentcollective.testkit.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.confluentcollective.testkit.MemberProcess;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Three voters as real processes, each under a group id of its own (so that partitions can
 * single out its connections), formed the way an administrator would: m1 invites and each
 * other member joins.
 */
public final class Members implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(120);

    private final List<MemberProcess> members;
    private final Rest rest;

    /** {@code count} voters in {@code root}, member i under group id {@code firstGroupId + i}; not started yet. */
    public Members(Path root, int count, int firstGroupId, Rest rest) throws IOException {
        List<MemberProcess> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "m" + (i + 1);
            created.add(new MemberProcess(root, name, name, MemberProcess.TEST_JVM, OptionalInt.of(firstGroupId + i)));
        }
        this.members = List.copyOf(created);
        this.rest = rest;
    }

    /** Starts every member and forms the collective: the first invites, each other joins. */
    public Members form() throws Exception {
        for (MemberProcess member : members) {
            member.start();
        }
        for (MemberProcess joiner : members.subList(1, members.size())) {
            members.get(0).admit(joiner);
        }
        for (MemberProcess member : members) {
            member.awaitStatus(status -> MemberProcess.formed(status, members.size()), FORM_TIMEOUT);
        }
        return this;
    }

    public List<MemberProcess> all() {
        return members;
    }

    public MemberProcess named(String name) {
        return members.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /**
     * The ZooKeeper leader: from {@code GET /collective/}'s {@code zookeeper} role where the
     * member shows it, otherwise the one member whose quorum port is listening (ZooKeeper opens it
     * only while leading).
     */
    public Optional<MemberProcess> zookeeperLeader() throws IOException, InterruptedException {
        for (MemberProcess asked : members) {
            Optional<JsonNode> status = status(asked);
            if (status.isEmpty()) {
                continue;
            }
            for (JsonNode member : status.get().path("members")) {
                if ("leader".equals(member.path("zookeeper").asText())) {
                    return Optional.of(named(member.path("name").asText()));
                }
            }
        }
        List<MemberProcess> listening = new ArrayList<>();
        for (MemberProcess member : members) {
            if (member.isAlive() && listens(member.quorumPort)) {
                listening.add(member);
            }
        }
        return listening.size() == 1 ? Optional.of(listening.get(0)) : Optional.empty();
    }

    /** Waits until every member is up, sees a quorum and sees every member live. */
    public boolean awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (members.stream().allMatch(this::healthy)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private boolean healthy(MemberProcess member) {
        try {
            return member.isAlive() && status(member).map(s -> MemberProcess.formed(s, members.size())).orElse(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<JsonNode> status(MemberProcess member) throws InterruptedException {
        try {
            Rest.Reply reply = rest.call(member.socket(), HttpMethod.GET, "/collective/", null);
            return reply.status() == 200 ? Optional.of(JSON.readTree(reply.body())) : Optional.empty();
        } catch (Rest.NoReply | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Every node {@code member} holds with its value of {@link Client#ATTRIBUTE} ("" without one):
     * plain reads, what the member itself serves.
     */
    public Map<String, String> contents(MemberProcess member) throws IOException, InterruptedException, Rest.NoReply {
        Map<String, String> contents = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (JsonNode item : JSON.readTree(expect(member, "/nodes/")).path("_links").path("item")) {
            String href = item.path("href").asText();
            names.add(href.endsWith("/") ? href.substring(0, href.length() - 1) : href);
        }
        if (names.isEmpty()) {
            return contents;
        }
        names.forEach(name -> contents.put(name, ""));
        String noderange = URLEncoder.encode(String.join(",", names), StandardCharsets.UTF_8);
        JsonNode data = JSON.readTree(expect(member, "/noderange/" + noderange + "/attributes/current?attr="
                + Client.ATTRIBUTE)).path("databynode");
        for (JsonNode element : data) {
            element.fields().forEachRemaining(node -> {
                JsonNode value = node.getValue().path(Client.ATTRIBUTE).path("value");
                if (value.isTextual()) {
                    contents.put(node.getKey(), value.asText());
                }
            });
        }
        return contents;
    }

    private String expect(MemberProcess member, String path) throws IOException, InterruptedException, Rest.NoReply {
        Rest.Reply reply = rest.call(member.socket(), HttpMethod.GET, path, null);
        if (reply.status() != 200) {
            throw new IOException(member.name + ": GET " + path + " -> " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    private static boolean listens(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-Hltn", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ss.waitFor() != 0) {
            throw new IOException("ss failed: " + out);
        }
        return !out.isBlank();
    }

    @Override
    public void close() throws InterruptedException {
        for (MemberProcess member : members) {
            member.close();
        }
    }
}
