package org.confluentcollective.cli.zk;

import org.confluentcollective.cli.ApiCommand;
import org.confluentcollective.cli.transport.ApiPath;
import picocli.CommandLine.Parameters;

/** A {@code zk} subcommand about one znode, named by its absolute path. */
abstract class ZnodeCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "PATH", description = "the znode's absolute path, e.g. /confluent/v1")
    private String path;

    /** {@code /zookeeper/<operation>?path=<encoded path>}; the server checks the path itself. */
    protected final String request(String operation) {
        if (path.isEmpty()) {
            throw usageError("PATH must not be empty (the root is /)");
        }
        return "/zookeeper/" + operation + "?path=" + ApiPath.segment(path);
    }
}
