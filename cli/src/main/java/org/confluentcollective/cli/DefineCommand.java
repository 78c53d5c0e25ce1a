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

    /** Each POST's name: the one name by default; groups split a comma list ({@code g1,g2}), as the original. */
    protected List<String> names() {
        return List.of(name());
    }

    @Override
    public final Integer call() throws CliException, ApiException, ConnectionException {
        AttributeChanges attributes;
        try {
            attributes = AttributeChanges.parse(assignments);
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        List<String> names = names();
        if (names.size() == 1) {
            output().outcome(api().post(collection(), attributes.toJsonNamed(names.get(0))), "created");
            return ExitCode.OK;
        }
        boolean failed = false;
        for (String name : names) {
            try {
                output().outcome(api().post(collection(), attributes.toJsonNamed(name)), "created");
            } catch (ApiException e) {
                failed |= Each.reportOrRethrow(e, output());
            }
        }
        return status(failed);
    }
}
