package org.confluentcollective.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodegrouprename}: renames a group. */
@Command(name = "nodegrouprename", description = "Renames a node group.")
public final class NodeGroupRenameCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "the group to rename")
    private String group;

    @Parameters(index = "1", paramLabel = "NEWNAME", description = "its new name")
    private String newName;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().put(GroupPaths.attributes(group, "rename"),
                invocation().mapper().createObjectNode().put("rename", newName));
        if (output().json()) {
            output().printJson(answer);
        } else {
            output().line(answer.path("oldname").asText(group) + ": " + answer.path("newname").asText(newName));
        }
        return ExitCode.OK;
    }
}
