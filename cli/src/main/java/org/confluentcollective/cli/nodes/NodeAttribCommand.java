package org.confluentcollective.cli.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.MaxNodes;
import org.confluentcollective.cli.attributes.AttributeChanges;
import org.confluentcollective.cli.attributes.BatchFile;
import org.confluentcollective.cli.attributes.ChangeOptions;
import org.confluentcollective.cli.output.AttributePrinter;
import org.confluentcollective.cli.output.DataByNode;
import org.confluentcollective.cli.output.InvalidAttributes;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodeattrib}: shows or changes node attributes. */
@Command(name = "nodeattrib",
        description = {"Shows or changes attributes of the nodes of a noderange.",
            "  nodeattrib NR                  attributes set on the nodes (or inherited)",
            "  nodeattrib NR all              every attribute, unset ones too",
            "  nodeattrib NR ATTR...          the named attributes (globs allowed)",
            "  nodeattrib NR a=v b,=g c^=g    set a, prepend g to b, remove g from c",
            "  nodeattrib -c NR ATTR...       clear; -e from environment; -p prompt",
            "  nodeattrib -s FILE             lines of 'NR a=v ...', # comments",
            "  nodeattrib NR -s FILE          the original's: a=v words for NR, # comments"})
public final class NodeAttribCommand extends ApiCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NODERANGE", description = "the nodes")
    private String noderange;

    @Parameters(index = "1..*", paramLabel = "ATTRIBUTE",
            description = "names to show (or all, current), or attribute=value to set")
    private List<String> arguments = new ArrayList<>();

    @Option(names = {"-b", "--blame"}, description = "tell where inherited and derived values come from")
    private boolean blame;

    @Option(names = {"-s", "--set"}, paramLabel = "FILE",
            description = {"set attributes from a file of 'NODERANGE attr=value ...' lines;",
                "with a NODERANGE argument, as the original: a file of attr=value words for those nodes"})
    private Path batch;

    @Mixin
    private ChangeOptions changeOptions;

    @Mixin
    private MaxNodes maxNodes;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        if (batch != null && noderange == null) {
            return setFromFile();
        }
        if (noderange == null) {
            throw usageError("Missing required parameter: 'NODERANGE'");
        }
        Optional<AttributeChanges> changes;
        if (batch != null) {
            // the original's form: the noderange here, the assignments in the file
            if (!arguments.isEmpty()) {
                throw usageError("with a noderange, -s takes the attribute=value words from the file; "
                        + "give no other arguments");
            }
            changes = Optional.of(BatchFile.readAssignments(batch));
        } else {
            try {
                changes = changeOptions.resolve(arguments, invocation().environment());
            } catch (IllegalArgumentException e) {
                throw usageError(e.getMessage());
            }
        }
        AttributePrinter printer = new AttributePrinter(output(), blame);
        if (changes.isPresent()) {
            if (!maxNodes.confirm(invocation(), noderange)) {
                return ExitCode.FAILED;
            }
            AttributeChanges all = changes.get();
            InvalidAttributes.Outcome<Boolean> outcome = InvalidAttributes.leaveOut(all.names(),
                    names -> api().putStreamed(NodePaths.attributes(noderange, "all", List.of()),
                            all.only(names).toJson(), printer::print));
            outcome.refusals().forEach(name -> output().error(null, name + " attribute is invalid"));
            return status(outcome.result() || !outcome.refusals().isEmpty());
        }
        // Printed as it arrives: the answer about every attribute of many nodes is hundreds of MB.
        return show(api(), output(), printer, noderange, arguments);
    }

    /**
     * Shows the attributes {@code arguments} name (or all, or the current ones); names the server
     * refuses as invalid are left out and reported afterwards, as the original does.
     */
    static int show(org.confluentcollective.cli.transport.ApiClient api, org.confluentcollective.cli.output.Output output,
                    AttributePrinter printer, String noderange, List<String> arguments)
            throws ApiException, ConnectionException, CliException {
        if (arguments.isEmpty() || arguments.equals(List.of("current"))) {
            return status(api.getStreamed(NodePaths.attributes(noderange, "current", List.of()), printer::print));
        }
        if (arguments.equals(List.of("all"))) {
            return status(api.getStreamed(NodePaths.attributes(noderange, "all", List.of()), printer::print));
        }
        InvalidAttributes.Outcome<Boolean> outcome = InvalidAttributes.leaveOut(arguments,
                names -> api.getStreamed(NodePaths.attributes(noderange, "all", names), printer::print));
        outcome.refusals().forEach(name -> output.error(null, name + " not a valid attribute"));
        return status(outcome.result() || !outcome.refusals().isEmpty());
    }

    private JsonNode change(String nodes, AttributeChanges changes)
            throws CliException, ApiException, ConnectionException {
        return api().put(NodePaths.attributes(nodes, "all", List.of()), changes.toJson());
    }

    /** Applies each line; a refused line is reported and the others still run. */
    private int setFromFile() throws CliException, ConnectionException {
        DataByNode all = new DataByNode();
        boolean failed = false;
        for (BatchFile.Line line : BatchFile.read(batch)) {
            try {
                all.add(change(line.noderange(), line.changes()));
            } catch (ApiException e) {
                output().error(null, batch + ":" + line.number() + ": " + e.getMessage());
                failed = true;
            }
        }
        return status(new AttributePrinter(output(), blame).print(all) || failed);
    }
}
