package org.confluentcollective.cli.nodes;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.OriginalErrors;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.output.Answers;
import org.confluentcollective.cli.output.AttributePrinter;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodelist}: lists node names, or some of their attributes. */
@Command(name = "nodelist", description = {"Lists nodes: all of them, those of a noderange, or with",
    "attributes like nodeattrib: nodelist rack1 location.rack"})
public final class NodeListCommand extends ApiCommand implements OriginalErrors {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NODERANGE", description = "the nodes (default: all)")
    private String noderange;

    @Parameters(index = "1..*", paramLabel = "ATTRIBUTE", description = "attributes to show (globs allowed)")
    private List<String> attributes = new ArrayList<>();

    @Option(names = {"-b", "--blame"}, description = "tell where inherited and derived values come from")
    private boolean blame;

    @Option(names = {"-d", "--delim", "--delimiter"}, paramLabel = "DELIM",
            description = "print the names on one line, separated by DELIM")
    private String delimiter;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        if (!attributes.isEmpty()) {
            if (delimiter != null) {
                throw usageError("-d separates node names; it does not apply to attributes");
            }
            AttributePrinter printer = new AttributePrinter(output(), blame);
            return NodeAttribCommand.show(api(), output(), printer, noderange, attributes);
        }
        String path = noderange == null ? NodePaths.NODES : NodePaths.nodes(noderange);
        List<String> names = Answers.itemNames(api().get(path));
        if (delimiter != null && !output().json()) {
            if (!names.isEmpty()) {
                output().line(String.join(delimiter, names));
            }
        } else {
            output().names(names);
        }
        return ExitCode.OK;
    }
}
