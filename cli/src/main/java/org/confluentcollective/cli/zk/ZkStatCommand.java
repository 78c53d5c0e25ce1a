package org.confluentcollective.cli.zk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import org.confluentcollective.cli.CliException;
import org.confluentcollective.cli.ExitCode;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;

/** {@code zk stat PATH}: the metadata, in zkCli's lines and order ({@code cZxid = 0x...}). */
@Command(name = "stat", description = "Prints a znode's metadata like zkCli: zxids, times, versions, sizes.")
public final class ZkStatCommand extends ZnodeCommand {

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        JsonNode answer = api().get(request("stat"));
        if (output().json()) {
            output().printJson(answer);
            return ExitCode.OK;
        }
        JsonNode stat = answer.path("stat");
        print("cZxid", stat.path("czxid").asText());
        print("ctime", time(stat.path("ctime")));
        print("mZxid", stat.path("mzxid").asText());
        print("mtime", time(stat.path("mtime")));
        print("pZxid", stat.path("pzxid").asText());
        print("cversion", stat.path("cversion").asText());
        print("dataVersion", stat.path("version").asText());
        print("aclVersion", stat.path("aversion").asText());
        print("ephemeralOwner", stat.path("ephemeralowner").asText());
        print("dataLength", stat.path("datalength").asText());
        print("numChildren", stat.path("numchildren").asText());
        return ExitCode.OK;
    }

    private void print(String name, String value) {
        output().line(name + " = " + value);
    }

    /** As zkCli prints it: {@code Date.toString()} in the local time zone. */
    private static String time(JsonNode millis) {
        return new Date(millis.asLong()).toString();
    }
}
