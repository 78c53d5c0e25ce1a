package org.confluentcollective.cli.collective;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/**
 * {@code collective show}, printed as the original does ({@code Quorum: True}, {@code Leader:},
 * active and offline members, 4-space indented), with each member's role, ZooKeeper role, address,
 * version and managed-node count, then how many nodes have no live manager (and which, if short). {@code Leader:} is the collective's own leader; the line after it
 * names the ZooKeeper leader, which orders every write and may be another member.
 */
@Command(name = "show", description = "Shows quorum, leader and members (also without quorum).")
public final class CollectiveShowCommand extends ApiCommand {

    /** Longer noderanges are left to {@code GET /collective/unmanaged}: show stays one screen. */
    private static final int SHORT_RANGE = 60;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().get("/collective/");
        if (output().json()) {
            output().printJson(answer);
            return ExitCode.OK;
        }
        output().line("Quorum: " + (answer.path("quorum").asBoolean() ? "True" : "False"));
        JsonNode leader = answer.path("leader");
        output().line("Leader: " + (leader.isTextual() ? leader.asText() : "unknown"));
        List<String> active = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        String zooKeeperLeader = "unknown";
        for (JsonNode member : answer.path("members")) {
            // A member of an earlier version answers without the field.
            String zooKeeper = member.path("zookeeper").asText("unknown");
            // Without a quorum the others' roles are as last seen: name no leader, as Leader: does.
            if (zooKeeper.equals("leader") && answer.path("quorum").asBoolean()) {
                zooKeeperLeader = member.path("name").asText();
            }
            String line = "    %s (%s, ZooKeeper %s, %s, version %s, %d managed nodes)".formatted(
                    member.path("name").asText(), member.path("role").asText(), zooKeeper,
                    member.path("address").asText(), member.path("version").asText(),
                    member.path("managednodes").asInt());
            (member.path("live").asBoolean() ? active : offline).add(line);
        }
        output().line("ZooKeeper leader: " + zooKeeperLeader);
        output().line("Active collective members:");
        active.forEach(output()::line);
        if (!offline.isEmpty()) {
            output().line("Offline collective members:");
            offline.forEach(output()::line);
        }
        // A member of an earlier version answers without the field.
        if (answer.has("unmanaged")) {
            int unmanaged = answer.path("unmanaged").asInt();
            String range = answer.path("unmanagednodes").asText("");
            output().line("Unmanaged nodes: " + unmanaged
                    + (unmanaged > 0 && !range.isEmpty() && range.length() <= SHORT_RANGE ? " (" + range + ")" : ""));
        }
        return ExitCode.OK;
    }
}
