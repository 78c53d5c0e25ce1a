package org.confluentcollective.cli.groups;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.attributes.AttributeChanges;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodegroupdefine}: creates a group. */
@Command(name = "nodegroupdefine", description = "Defines a new node group, optionally with attributes: "
        + "nodegroupdefine rack1 location.rack=1")
public final class NodeGroupDefineCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "the group to create")
    private String group;

    @Parameters(index = "1..*", paramLabel = "ATTRIBUTE=VALUE", description = "initial attributes")
    private List<String> assignments = new ArrayList<>();

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        AttributeChanges attributes;
        try {
            attributes = AttributeChanges.parse(assignments);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        output().outcome(api().post(GroupPaths.GROUPS, attributes.toJsonNamed(group)), "created");
        return ExitCode.OK;
    }
}
