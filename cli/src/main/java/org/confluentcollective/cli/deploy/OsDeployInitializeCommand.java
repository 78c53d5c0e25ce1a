package org.confluentcollective.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/** {@code osdeploy initialize}: copies Debian's iPXE loaders into the member's TFTP root. */
@Command(name = "initialize",
        description = "Copies the iPXE loaders (ipxe.efi, snponly.efi, undionly.kpxe from Debian's ipxe package) "
                + "into this member's TFTP root.")
public final class OsDeployInitializeCommand extends ApiCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().post("/deployment/initialize", invocation().mapper().createObjectNode());
        if (output().json()) {
            output().printJson(answer);
        } else {
            for (JsonNode file : answer.path("copied")) {
                output().line("Copied " + file.asText() + " to " + answer.path("tftproot").asText());
            }
        }
        return ExitCode.OK;
    }
}
