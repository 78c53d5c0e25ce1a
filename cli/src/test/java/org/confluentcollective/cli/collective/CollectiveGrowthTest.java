package org.confluentcollective.cli.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collective grown by invite and join, each member a real confluentd process: 1 → 3 → 5
 * voters, then two more members that become observers. Data written on any member is read on
 * every member, and every member shows the same collective.
 */
@Tag("slow")
class CollectiveGrowthTest {

    private static final Duration CONVERGE = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private final List<MemberProcess> members = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (MemberProcess member : members) {
            member.kill();
        }
    }

    private MemberProcess member(String name) throws Exception {
        MemberProcess member = new MemberProcess(root, name);
        members.add(member);
        return member.start();
    }

    @Test
    void growsToFiveVotersAndTwoObservers() throws Exception {
        MemberProcess m1 = member("m1");
        m1.ok("nodegroupdefine", "compute");
        m1.ok("nodedefine", "n1", "groups=compute", "location.rack=1");
        for (String name : List.of("m2", "m3")) {
            m1.admit(member(name));
        }
        assertCollective(3, 0);
        // Written before the others joined, read on a joiner; written on a joiner, read everywhere.
        assertEquals("n1: location.rack: 1\n", members.get(2).ok("nodeattrib", "n1", "location.rack").out());
        members.get(1).ok("nodedefine", "n2", "groups=compute", "location.rack=2");
        awaitEverywhere("n2", "location.rack", "2");

        for (String name : List.of("m4", "m5")) {
            members.get(2).admit(member(name));
        }
        assertCollective(5, 0);
        for (String name : List.of("m6", "m7")) {
            members.get(3).admit(member(name));
        }
        assertCollective(5, 2);

        members.get(6).ok("nodeattrib", "n1", "location.rack=9");
        awaitEverywhere("n1", "location.rack", "9");
        String dump = members.get(0).ok("nodeattrib", "n1,n2", "-o", "json").out();
        for (MemberProcess member : members) {
            assertEquals(dump, member.ok("nodeattrib", "n1,n2", "-o", "json").out(), member.name);
        }
    }

    /** Every member shows the same members with these many voters and observers, all live. */
    private void assertCollective(int voters, int observers) throws Exception {
        Map<String, String> expectedRoles = null;
        for (MemberProcess member : members) {
            JsonNode status = member.awaitStatus(s -> s.path("quorum").asBoolean()
                    && roles(s).size() == members.size()
                    && roles(s).values().stream().filter("voter"::equals).count() == voters
                    && roles(s).values().stream().filter("observer"::equals).count() == observers
                    && allLive(s), CONVERGE);
            Map<String, String> roles = roles(status);
            if (expectedRoles == null) {
                expectedRoles = roles;
            }
            assertEquals(expectedRoles, roles, "collective show on " + member.name);
            assertTrue(status.path("leader").isTextual(), status.toString());
        }
    }

    private void awaitEverywhere(String node, String attribute, String value) throws Exception {
        String expected = node + ": " + attribute + ": " + value + "\n";
        for (MemberProcess member : members) {
            long deadline = System.nanoTime() + CONVERGE.toNanos();
            String seen;
            do {
                seen = member.ok("nodeattrib", node, attribute).out();
            } while (!seen.equals(expected) && System.nanoTime() < deadline && sleep());
            assertEquals(expected, seen, "on " + member.name);
        }
    }

    private static boolean sleep() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, String> roles(JsonNode status) {
        Map<String, String> roles = new TreeMap<>();
        status.path("members").forEach(m -> roles.put(m.path("name").asText(), m.path("role").asText()));
        return roles;
    }

    private static boolean allLive(JsonNode status) {
        for (JsonNode member : status.path("members")) {
            if (!member.path("live").asBoolean()) {
                return false;
            }
        }
        return true;
    }
}
