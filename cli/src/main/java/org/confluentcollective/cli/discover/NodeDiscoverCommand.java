package org.confluentcollective.cli.discover;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/** {@code nodediscover}: the PXE clients the member this command talks to saw boot and no node matched. */
@Command(name = "nodediscover",
        description = {"Lists the unknown PXE clients the member this command talks to saw boot (per member: its",
            "DHCP responder's records), assigns one's MAC to a node, or clears a record."},
        subcommands = {NodeDiscoverCommand.ListCommand.class, NodeDiscoverAssignCommand.class,
            NodeDiscoverCommand.ClearCommand.class})
public final class NodeDiscoverCommand {

    /** The records, the most recently seen last. */
    static List<JsonNode> records(JsonNode answer) {
        List<JsonNode> records = new ArrayList<>();
        answer.path("discovered").forEach(records::add);
        return records;
    }

    static JsonNode discovered(org.confluentcollective.cli.transport.ApiClient api)
            throws ApiException, ConnectionException {
        return api.get("/discovery/by-mac/");
    }

    static String normalMac(String mac) {
        return mac.toLowerCase(Locale.ROOT).replace('-', ':');
    }

    /** {@code nodediscover list [-e MAC] [-u UUID] [-c]}: a table as the original's, or CSV. */
    @Command(name = "list", description = "Lists the discovered PXE clients, the most recently seen last.")
    public static final class ListCommand extends ApiCommand {

        static final List<String> COLUMNS = List.of("UUID", "Mac Address", "Type", "Architecture", "First Seen",
                "Last Seen");

        @picocli.CommandLine.Option(names = {"-e", "--mac", "-m"}, paramLabel = "MAC", description = "only this MAC")
        private String mac;

        @picocli.CommandLine.Option(names = {"-u", "--uuid"}, paramLabel = "UUID", description = "only this UUID")
        private String uuid;

        @picocli.CommandLine.Option(names = {"-c", "--csv"}, description = "comma-separated values")
        private boolean csv;

        @Override
        public Integer call() throws CliException, ApiException, ConnectionException {
            JsonNode answer = discovered(api());
            List<List<String>> rows = new ArrayList<>();
            List<JsonNode> selected = new ArrayList<>();
            for (JsonNode record : records(answer)) {
                if (mac != null && !record.path("mac").asText().equals(normalMac(mac))
                        || uuid != null && !record.path("uuid").asText().equalsIgnoreCase(uuid)) {
                    continue;
                }
                selected.add(record);
                rows.add(List.of(text(record, "uuid"), text(record, "mac"), String.join(",", types(record)),
                        text(record, "architecture"), text(record, "firstseen"), text(record, "lastseen")));
            }
            if (output().json()) {
                output().printJson(invocation().mapper().valueToTree(selected));
            } else if (csv) {
                output().line(String.join(",", COLUMNS));
                rows.forEach(row -> output().line(String.join(",", row)));
            } else {
                table(COLUMNS, rows).forEach(output()::line);
            }
            return 0;
        }

        private static List<String> types(JsonNode record) {
            List<String> types = new ArrayList<>();
            record.path("types").forEach(type -> types.add(type.asText()));
            return types;
        }

        private static String text(JsonNode record, String field) {
            JsonNode value = record.path(field);
            return value.isTextual() ? value.textValue() : "";
        }

        /** As the original's prettytable: ruled, left-aligned, one space of padding. */
        static List<String> table(List<String> columns, List<List<String>> rows) {
            int[] widths = new int[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).length();
                for (List<String> row : rows) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
            StringBuilder rule = new StringBuilder("+");
            for (int width : widths) {
                rule.append("-".repeat(width + 2)).append('+');
            }
            List<String> lines = new ArrayList<>();
            lines.add(rule.toString());
            lines.add(row(columns, widths));
            lines.add(rule.toString());
            rows.forEach(row -> lines.add(row(row, widths)));
            lines.add(rule.toString());
            return lines;
        }

        private static String row(List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) {
                line.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
            }
            return line.toString();
        }
    }

    /** {@code nodediscover clear -e MAC}: forgets a record ({@code Cleared info for MAC}). */
    @Command(name = "clear", description = "Forgets the discovery record of a MAC.")
    public static final class ClearCommand extends ApiCommand {

        @picocli.CommandLine.Option(names = {"-e", "--mac", "-m"}, paramLabel = "MAC", required = true,
                description = "the discovered MAC")
        private String mac;

        @Override
        public Integer call() throws CliException, ApiException, ConnectionException {
            JsonNode answer = api().delete("/discovery/by-mac/"
                    + org.confluentcollective.cli.transport.ApiPath.segment(normalMac(mac).replace(':', '-')));
            if (output().json()) {
                output().printJson(answer);
            } else {
                output().line("Cleared info for " + answer.path("deleted").asText());
            }
            return 0;
        }
    }
}
