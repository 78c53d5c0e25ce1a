package org.confluentcollective.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code osdeploy import DIR}: a directory on the member with profile.yaml, a kernel and an initrd. */
@Command(name = "import",
        description = {"Makes a profile of DIR (on the member): profile.yaml (name, kernel, initrd, kernelargs),",
            "the kernel and the initrd it names."})
public final class OsDeployImportCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "the directory, on the member")
    private Path directory;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode profile = api().post("/deployment/profiles", invocation().mapper().createObjectNode()
                .put("source", directory.toAbsolutePath().normalize().toString()));
        if (output().json()) {
            output().printJson(profile);
        } else {
            output().line("Deployment profile created: " + profile.path("name").asText());
        }
        return ExitCode.OK;
    }
}
