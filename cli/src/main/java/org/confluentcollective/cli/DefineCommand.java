package org.confluentcollective.cli;

import java.util.ArrayList;
import java.util.List;
import org.confluentcollective.cli.attributes.AttributeChanges;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Parameters;

/**
 * {@code nodedefine} and {@code nodegroupdefine}: POST a name (or noderange) with initial
 * attributes to a collection and print what was created.
 */
public abstract class DefineCommand extends ApiCommand {

    @Parameters(index = "1..*", paramLabel = "ATTRIBUTE=VALUE", description = "initial attributes")
    private List<String> assignments = new ArrayList<>();

    /** What to create, as typed. */
    protected abstract String name();

    /** The collection to POST to. */
    protected abstract String collection();

    @Override
    public final Integer call() throws CliException, ApiException, ConnectionException {
        AttributeChanges attributes;
        try {
            attributes = AttributeChanges.parse(assignments);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        output().outcome(api().post(collection(), attributes.toJsonNamed(name())), "created");
        return ExitCode.OK;
    }
}
