package org.confluentcollective.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code nodedeploy NR [-p PROFILE | -r] [-n] | -c}: arms a profile for the next network boot
 * ({@code -r}: each node's own pending, staged or last profile), shows the deployment state, or
 * clears it. With {@code -n}, nodes with a BMC are also set to boot from the network once (UEFI)
 * and rebooted.
 */
@Command(name = "nodedeploy",
        description = {"Deploys an OS profile to nodes, or shows or clears their deployment:",
            "  nodedeploy NR                 status: 'n1: pending: P (node authentication armed)'",
            "  nodedeploy NR -p PROFILE [-n] make PROFILE pending and arm the node's key; -n: network boot now",
            "  nodedeploy NR -r [-n]         redeploy each node's pending, else staged, else last profile",
            "  nodedeploy NR -c              clear the pending profile"})
public final class NodeDeployCommand extends ApiCommand {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", description = "the profile to deploy")
    private String profile;

    @Option(names = {"-n", "--network"}, description = "also boot nodes that have a BMC from the network, now")
    private boolean network;

    @Option(names = {"-c", "--clear"}, description = "clear the pending profile and disarm")
    private boolean clear;

    @Option(names = {"-r", "--redeploy"}, description = "redeploy nodes with the current or pending profile")
    private boolean redeploy;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        String path = "/noderange/" + ApiPath.segment(noderange) + "/deployment";
        if (redeploy && profile != null) {
            throw usageError("The -r/--redeploy option cannot be used with a profile, it redeploys the current "
                    + "or pending profile");
        }
        if (clear && (profile != null || redeploy || network) || network && profile == null && !redeploy) {
            throw usageError("use -c alone, or -p PROFILE or -r, each with or without -n");
        }
        if (clear) {
            api().delete(path);
        } else if (profile != null || redeploy) {
            JsonNode armed = api().put(path, redeploy ? invocation().mapper().createObjectNode().put("redeploy", true)
                    : invocation().mapper().createObjectNode().put("profile", profile));
            if (network && bootFromNetwork(path, NodeOperationPrinter.entries(armed).keySet())) {
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

    /**
     * Next boot from the network (UEFI, once), then power boot, for the armed nodes with a BMC;
     * whether any failed. Only those the PUT armed: a redeploy leaves nodes without any profile
     * alone, and they must not be rebooted into a network boot nobody answers.
     */
    private boolean bootFromNetwork(String path, Set<String> armed) throws CliException, ApiException,
            ConnectionException {
        List<String> withBmc = new ArrayList<>();
        for (Map.Entry<String, JsonNode> node : NodeOperationPrinter.entries(api().get(path)).entrySet()) {
            if (!armed.contains(node.getKey())) {
                continue;
            }
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
        String profile = text(status, "pendingprofile");
        String shown;
        if (profile != null) {
            shown = "pending: " + profile;
        } else if ((profile = text(status, "stagedprofile")) != null) {
            shown = "staged: " + profile;
        } else if ((profile = text(status, "profile")) != null) {
            shown = "completed: " + profile;
        } else {
            shown = "No profile pending or applied";
        }
        String state = text(status, "state");
        if (state != null) {
            String detail = text(status, "state_detail");
            String date = text(status, "state_last_updated");
            return shown + " (" + state + (detail != null ? ": " + detail : "")
                    + (date != null ? " - " + localDate(date) : "") + ")";
        }
        String armed = text(status, "apiarmed");
        return shown + ("once".equals(armed) || "continuous".equals(armed) ? " (node authentication armed)" : "");
    }

    /** The original's {@code %m/%d/%Y %H:%M:%S}, in this machine's time zone; as stored if not a time. */
    private static String localDate(String date) {
        try {
            return DATE.format(OffsetDateTime.parse(date).atZoneSameInstant(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    private static String text(JsonNode status, String field) {
        JsonNode value = status.path(field);
        return value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }
}
