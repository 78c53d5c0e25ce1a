package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.web.Confluentd;
import org.confluentcollective.web.DaemonConfig;
import org.confluentcollective.web.DeploySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** osdeploy and nodedeploy against a real confluentd over its socket. */
class DeployCommandsTest {

    @TempDir
    static Path dir;

    private static Confluentd daemon;

    /** The original's {@code %m/%d/%Y %H:%M:%S}. */
    private static final String DATE = "\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d";

    @BeforeAll
    static void start() throws Exception {
        Path loaders = Files.createDirectories(dir.resolve("ipxe"));
        Files.write(loaders.resolve("snponly.efi"), new byte[] {1});
        daemon = Confluentd.start(DaemonConfig.builder(dir.resolve("member"), "mgmt1")
                .socketPath(dir.resolve("api.sock"))
                .deploy(DeploySettings.loopback(dir.resolve("deploy")).withIpxeDirectory(loaders)).build());
        Path source = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(source.resolve("vmlinuz"), "k");
        Files.writeString(source.resolve("initrd.gz"), "i");
        Files.writeString(source.resolve("profile.yaml"), "kernel: vmlinuz\ninitrd: initrd.gz\n");
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
    }

    private static CliRunner.Result run(String... args) {
        return new CliRunner(dir).with("CONFLUENT_SOCKET", daemon.socketPath().toString()).run(args);
    }

    private static void assertOut(String expected, CliRunner.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(expected, result.out(), result.toString());
    }

    @Test
    void osdeployAndNodedeploy() {
        assertOut("Copied snponly.efi to " + dir.resolve("deploy/tftp") + "\n", run("osdeploy", "initialize"));
        CliRunner.Result imported = run("osdeploy", "import", dir.resolve("tiny").toString());
        assertTrue(imported.out().equals("Deployment profile created: tiny\n")
                || imported.err().contains("exists"), "imported here or by another test: " + imported);
        assertOut("Profiles:\n    tiny\n", run("osdeploy", "list"));

        assertOut("d1: created\nd2: created\n", run("nodedefine", "d[1-2]"));
        assertOut("d1: No profile pending or applied\nd2: No profile pending or applied\n", run("nodedeploy", "d1,d2"));
        CliRunner.Result unknown = run("nodedeploy", "d1", "-p", "nosuch");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("no deployment profile nosuch"), unknown.toString());
        assertOut("d1: pending: tiny (node authentication armed)\n"
                + "d2: pending: tiny (node authentication armed)\n", run("nodedeploy", "d[1-2]", "-p", "tiny"));
        assertOut("d1: no BMC (hardwaremanagement.manager), boot it from the network by hand\n"
                + "d1: pending: tiny (node authentication armed)\n", run("nodedeploy", "d1", "-p", "tiny", "-n"));
        assertOut("d2: No profile pending or applied\n", run("nodedeploy", "d2", "-c"));
        assertEquals(ExitCode.USAGE, run("nodedeploy", "d2", "-c", "-p", "tiny").exitCode());
    }

    @Test
    void nodedeployRedeploysTheLastProfile() throws Exception {
        run("osdeploy", "import", dir.resolve("tiny").toString()); // the other tests may have imported it
        assertOut("r1: created\nr2: created\n", run("nodedefine", "r[1-2]"));
        assertOut("r1: No profile pending or applied\n", run("nodedeploy", "r1", "-r"));
        assertOut("r1: pending: tiny (node authentication armed)\n", run("nodedeploy", "r1", "-p", "tiny"));
        String key = self("apikey", "r1", null, null).strip();
        self("updatestatus", "r1", key, "{\"status\":\"staged\",\"state\":\"installing\"}");
        assertOutMatches("r1: staged: tiny \\(installing - " + DATE + "\\)\n", run("nodedeploy", "r1"));
        self("updatestatus", "r1", key, "{\"status\":\"complete\",\"state\":\"succeeded\",\"state_detail\":\"done\"}");
        assertOutMatches("r1: completed: tiny \\(succeeded: done - " + DATE + "\\)\n", run("nodedeploy", "r1"));

        assertOut("r1: pending: tiny (node authentication armed)\nr2: No profile pending or applied\n",
                run("nodedeploy", "r[1-2]", "-r"));
        assertOut("r1: no BMC (hardwaremanagement.manager), boot it from the network by hand\n"
                + "r1: pending: tiny (node authentication armed)\n", run("nodedeploy", "r1", "-r", "-n"));
        // r2 has no profile: the redeploy leaves it alone, so -n must not boot it either.
        assertOut("r1: no BMC (hardwaremanagement.manager), boot it from the network by hand\n"
                + "r1: pending: tiny (node authentication armed)\nr2: No profile pending or applied\n",
                run("nodedeploy", "r[1-2]", "-r", "-n"));
        CliRunner.Result both = run("nodedeploy", "r1", "-r", "-p", "tiny");
        assertEquals(ExitCode.USAGE, both.exitCode(), both.toString());
        assertTrue(both.err().contains("The -r/--redeploy option cannot be used with a profile"), both.toString());
        assertEquals(ExitCode.USAGE, run("nodedeploy", "r1", "-r", "-c").exitCode());
    }

    /** What a deploying node sends to the deployment port; the answer's body, failing on another status than 200. */
    private static String self(String call, String node, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + daemon.deploymentHttpPort() + "/self/" + call)).header("CONFLUENT_NODENAME", node)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("CONFLUENT_APIKEY", key).header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static void assertOutMatches(String regex, CliRunner.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().matches(regex), regex + " against " + result);
    }

    @Test
    void nodedeployRefusesLockedNodes() {
        run("osdeploy", "import", dir.resolve("tiny").toString()); // the other test may have imported it
        assertOut("l1: created\nl2: created\n", run("nodedefine", "l[1-2]"));
        // The lock resource has no command (the original's neither): set it as that resource does.
        daemon.database().updateNodesIf(List.of("l2"), Map.of(),
                Map.of("deployment.lock", new AttributeInput.Value("locked")));
        CliRunner.Result locked = run("nodedeploy", "l[1-2]", "-p", "tiny");
        assertEquals(1, locked.exitCode(), locked.toString());
        assertTrue(locked.err().contains("Requested noderange has nodes with locked deployment: l2"), locked.toString());
        assertOut("l1: No profile pending or applied\nl2: No profile pending or applied\n", run("nodedeploy", "l[1-2]"));
    }
}
