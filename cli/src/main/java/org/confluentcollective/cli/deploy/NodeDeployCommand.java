package org.confluentcollective.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.output.NodeOperationPrinter;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ApiPath;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nodedeploy NR [-p PROFILE [-n]] [-c]}: arms a profile for the next network boot, shows
 * the deployment state, or clears it. With {@code -n}, nodes with a BMC are also set to boot from
 * the network once (UEFI) and rebooted.
 */
@Command(name = "nodedeploy",
        description = {"Deploys an OS profile to nodes, or shows or clears their deployment:",
            "  nodedeploy NR                 status: 'n1: pending: P (node authentication armed)'",
            "  nodedeploy NR -p PROFILE [-n] make PROFILE pending and arm the node's key; -n: network boot now",
            "  nodedeploy NR -c              clear the pending profile"})
public final class NodeDeployCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", description = "the profile to deploy")
    private String profile;

    @Option(names = {"-n", "--network"}, description = "also boot nodes that have a BMC from the network, now")
    private boolean network;

    @Option(names = {"-c", "--clear"}, description = "clear the pending profile and disarm")
    private boolean clear;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        String path = "/noderange/" + ApiPath.segment(noderange) + "/deployment";
        if (clear && profile != null || network && profile == null) {
            throw usageError("use -c alone, or -p PROFILE with or without -n");
        }
        if (clear) {
            api().delete(path);
        } else if (profile != null) {
            api().put(path, invocation().mapper().createObjectNode().put("profile", profile));
            if (network && bootFromNetwork(path)) {
                return ExitCode.FAILED;
            }
        }
        JsonNode status = api().get(path);
        if (output().json()) {
            output().printJson(status.path("databynode"));
            return ExitCode.OK;
        }
        for (Map.Entry<String, JsonNode> node : NodeOperationPrinter.entries(status).entrySet()) {
            output().line(node.getKey() + ": " + describe(node.getValue()));
        }
        return ExitCode.OK;
    }

    /** Next boot from the network (UEFI, once), then power boot, for the nodes with a BMC; whether any failed. */
    private boolean bootFromNetwork(String path) throws CliException, ApiException, ConnectionException {
        List<String> withBmc = new ArrayList<>();
        for (Map.Entry<String, JsonNode> node : NodeOperationPrinter.entries(api().get(path)).entrySet()) {
            if (node.getValue().path("bmc").asBoolean()) {
                withBmc.add(node.getKey());
            } else {
                output().line(node.getKey() + ": no BMC (hardwaremanagement.manager), boot it from the network by hand");
            }
        }
        if (withBmc.isEmpty()) {
            return false;
        }
        String nodes = "/noderange/" + ApiPath.segment(String.join(",", withBmc)) + "/";
        NodeOperationPrinter printer = new NodeOperationPrinter(output());
        if (printer.print(api().put(nodes + "boot/nextdevice", invocation().mapper().createObjectNode()
                .put("nextdevice", "network").put("bootmode", "uefi").put("persistent", false)),
                entry -> List.of("network boot set"))) {
            return true;
        }
        return printer.print(api().put(nodes + "power/state",
                invocation().mapper().createObjectNode().put("state", "boot")),
                entry -> List.of("rebooting"));
    }

    /** As the original's status line. */
    static String describe(JsonNode status) {
        String pending = text(status, "pendingprofile");
        if (pending != null) {
            return "pending: " + pending + (text(status, "apiarmed") != null ? " (node authentication armed)" : "");
        }
        String done = text(status, "profile");
        if (done != null) {
            return "completed: " + done + " (" + String.valueOf(text(status, "state")) + ": "
                    + String.valueOf(text(status, "state_detail")) + " - "
                    + String.valueOf(text(status, "state_last_updated")) + ")";
        }
        return "No profile pending or applied";
    }

    private static String text(JsonNode status, String field) {
        JsonNode value = status.path(field);
        return value.isTextual() ? value.textValue() : null;
    }
}
