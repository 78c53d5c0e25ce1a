package org.confluentcollective.cli.zk;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.zookeeper.ZooKeeperMain;
import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/**
 * {@code zk shell}: ZooKeeper's own interactive shell (ZooKeeperMain) against the local
 * member's peer, over its TLS client port with the member's credentials. Unlike the other
 * {@code zk} commands it can change anything and shows data unmasked, so it is for root on the
 * member itself, through the local socket.
 */
@Command(name = "shell", description = {
    "Starts ZooKeeper's own shell on the local member, with its TLS credentials (root only).",
    "It can change and delete anything: changes bypass every check confluentd makes."})
public final class ZkShellCommand extends ApiCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode shell = api().get("/collective/zookeeper");
        String[] args = {"-server", shell.path("connect").asText(),
            "-client-configuration", shell.path("clientconfiguration").asText()};
        if (output().json()) {
            output().printJson(shell);
            return ExitCode.OK;
        }
        try {
            ZooKeeperMain.main(args);
        } catch (Exception e) {
            throw new CliException("ZooKeeper's shell failed: " + e.getMessage());
        }
        return ExitCode.OK;
    }
}
