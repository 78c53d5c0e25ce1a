package org.confluentcollective.cli.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.output.DataByNode;
import org.confluentcollective.cli.output.NodeFields;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code noderename}: renames nodes, one name or an expression evaluated per node. */
@Command(name = "noderename", description = {"Renames nodes: noderename n1 n2, or with an expression for",
    "many nodes at once: noderename r1u[1-4] 'rack1-{n1}'"})
public final class NodeRenameCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NODERANGE", description = "the nodes to rename")
    private String noderange;

    @Parameters(index = "1", paramLabel = "NEWNAME", description = "the new name, or an expression like {n1}")
    private String newName;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        ObjectNode body = invocation().mapper().createObjectNode().put("rename", newName);
        DataByNode renamed = DataByNode.of(api().put(NodePaths.rename(noderange), body));
        if (output().json()) {
            output().printJson(renamed.toJson());
        }
        boolean failed = false;
        for (Map.Entry<String, ObjectNode> node : renamed.nodes().entrySet()) {
            Optional<String> error = NodeFields.error(node.getValue());
            if (error.isPresent()) {
                output().error(node.getKey(), error.get());
                failed = true;
            } else if (!output().json()) {
                JsonNode name = node.getValue().path("rename").path("value");
                output().line(node.getKey() + ": " + name.asText());
            }
        }
        return status(failed);
    }
}
