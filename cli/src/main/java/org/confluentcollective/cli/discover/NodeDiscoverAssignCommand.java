package org.confluentcollective.cli.discover;

import com.fasterxml.jackson.databind.JsonNode;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ApiPath;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nodediscover assign -e MAC -n NODE} (or {@code -u UUID}): writes the discovered MAC into
 * the node's first unset hwaddr and makes the member the node's manager when it has none;
 * {@code Assigned: NODE} as the original.
 */
@Command(name = "assign", description = {"Assigns a discovered PXE client to a node: its MAC goes to the node's first",
    "unset net.<x>.hwaddr (else net.hwaddr), and this member becomes the node's manager when it has none."})
public final class NodeDiscoverAssignCommand extends ApiCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Selector selector;

    static final class Selector {
        @Option(names = {"-e", "--mac", "-m"}, paramLabel = "MAC", description = "the discovered MAC")
        String mac;

        @Option(names = {"-u", "--uuid"}, paramLabel = "UUID", description = "the discovered client with this UUID")
        String uuid;
    }

    @Option(names = {"-n", "--node"}, paramLabel = "NODE", required = true, description = "the node")
    private String node;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        String mac = selector.mac;
        if (mac == null) {
            for (JsonNode record : NodeDiscoverCommand.records(NodeDiscoverCommand.discovered(api()))) {
                if (record.path("uuid").asText().equalsIgnoreCase(selector.uuid)) {
                    mac = record.path("mac").asText();
                }
            }
            if (mac == null) {
                output().error(null, "this member has not seen a PXE client with UUID " + selector.uuid);
                return ExitCode.FAILED;
            }
        }
        JsonNode answer = api().put("/discovery/by-mac/" + ApiPath.segment(NodeDiscoverCommand.normalMac(mac)
                .replace(':', '-')), invocation().mapper().createObjectNode().put("node", node));
        if (output().json()) {
            output().printJson(answer);
        } else {
            output().line("Assigned: " + answer.path("assigned").asText());
        }
        return ExitCode.OK;
    }
}
