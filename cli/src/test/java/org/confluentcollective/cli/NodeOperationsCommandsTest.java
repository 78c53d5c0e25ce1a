package org.confluentcollective.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What the hardware commands send and print, as the original tools, against a scripted daemon. */
class NodeOperationsCommandsTest {

    @RegisterExtension
    static final LocalDaemon daemon = new LocalDaemon();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = daemon.cli(dir);
    }

    private static void assertRun(CliRunner.Result result, int exitCode, String out, String err) {
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertEquals(out, result.out(), result.toString());
        assertEquals(err, result.err(), result.toString());
    }

    @Test
    void nodepowerShowsTheStateByDefaultAndNodeErrorsOnStderr() {
        daemon.on("GET /noderange/n1%2Cn2%2Cn10/power/state", 200, """
                {"databynode":{"n1":{"state":{"value":"on"}},"n2":{"error":"BMC of n2 did not answer","errorcode":504},
                 "n10":{"state":{"value":"off"}}}}""");
        assertRun(cli.run("nodepower", "n1,n2,n10"), 1, "n1: on\nn10: off\n", "n2: Error: BMC of n2 did not answer\n");
        assertRun(cli.run("nodepower", "n1,n2,n10", "status"), 1, "n1: on\nn10: off\n",
                "n2: Error: BMC of n2 did not answer\n");
        assertRun(cli.run("nodepower", "n1,n2,n10", "state"), 1, "n1: on\nn10: off\n",
                "n2: Error: BMC of n2 did not answer\n");
    }

    @Test
    void nodepowerChangePrintsOldToNewOnlyWhenItMoved() {
        daemon.on("PUT /noderange/n1%2Cn2/power/state", 200, """
                {"databynode":{"n1":{"state":{"value":"on"},"oldstate":{"value":"off"}},
                 "n2":{"state":{"value":"on"},"oldstate":{"value":"on"}}}}""");
        assertRun(cli.run("nodepower", "n1,n2", "on"), 0, "n1: off->on\nn2: on\n", "");
        assertEquals(List.of("PUT /noderange/n1%2Cn2/power/state {\"state\":\"on\"}"), daemon.requests());
    }

    @Test
    void nodepowerLeavesStateNamesToTheServer() {
        daemon.on("PUT /noderange/n1/power/state", 400,
                "{\"errorcode\":400,\"error\":\"'sideways' is not a power state\"}");
        assertRun(cli.run("nodepower", "n1", "sideways"), 1, "", "Error: 'sideways' is not a power state\n");
    }

    @Test
    void nodesetbootSendsDeviceModeAndPersistence() {
        daemon.on("PUT /noderange/n%5B1-2%5D/boot/nextdevice", 200, """
                {"databynode":{"n1":{"nextdevice":{"value":"network"},"bootmode":{"value":"uefi"},
                 "persistent":{"value":true}},"n2":{"error":"bad credentials","errorcode":502}}}""");
        assertRun(cli.run("nodesetboot", "n[1-2]", "net", "-p", "-u"), 1, "n1: network\n",
                "n2: Error: bad credentials\n");
        assertEquals(List.of("PUT /noderange/n%5B1-2%5D/boot/nextdevice "
                + "{\"nextdevice\":\"net\",\"bootmode\":\"uefi\",\"persistent\":true}"), daemon.requests());
        daemon.reset();
        daemon.on("PUT /noderange/n1/boot/nextdevice", 200,
                "{\"databynode\":{\"n1\":{\"nextdevice\":{\"value\":\"hd\"}}}}");
        assertRun(cli.run("nodesetboot", "n1", "hd", "--bios"), 0, "n1: hd\n", "");
        assertRun(cli.run("nodesetboot", "n1", "hd"), 0, "n1: hd\n", "");
        assertEquals(List.of(
                "PUT /noderange/n1/boot/nextdevice {\"nextdevice\":\"hd\",\"bootmode\":\"bios\",\"persistent\":false}",
                "PUT /noderange/n1/boot/nextdevice "
                        + "{\"nextdevice\":\"hd\",\"bootmode\":\"unspecified\",\"persistent\":false}"),
                daemon.requests());
    }

    @Test
    void nodesetbootWithoutDeviceShowsTheNextOne() {
        daemon.on("GET /noderange/n1/boot/nextdevice", 200, """
                {"databynode":{"n1":{"nextdevice":{"value":"setup"},"bootmode":{"value":"bios"},
                 "persistent":{"value":false}}}}""");
        assertRun(cli.run("nodesetboot", "n1"), 0, "n1: setup\n", "");
    }

    @Test
    void nodesetbootRefusesBothModes() {
        assertEquals(ExitCode.USAGE, cli.run("nodesetboot", "n1", "hd", "-u", "-b").exitCode());
        assertEquals(List.of(), daemon.requests());
    }

    @Test
    void nodebootSetsTheDeviceThenBoots() {
        daemon.on("PUT /noderange/n1%2Cn2/boot/nextdevice", 200, """
                {"databynode":{"n1":{"nextdevice":{"value":"network"}},"n2":{"nextdevice":{"value":"network"}}}}""")
                .on("PUT /noderange/n1%2Cn2/power/state", 200, """
                {"databynode":{"n1":{"state":{"value":"on"},"oldstate":{"value":"off"}},
                 "n2":{"state":{"value":"reset"},"oldstate":{"value":"on"}}}}""");
        assertRun(cli.run("nodeboot", "n1,n2", "network"), 0, "n1: network\nn2: network\nn1: off->on\nn2: on->reset\n", "");
        assertEquals(List.of("PUT /noderange/n1%2Cn2/boot/nextdevice "
                        + "{\"nextdevice\":\"network\",\"bootmode\":\"unspecified\",\"persistent\":false}",
                "PUT /noderange/n1%2Cn2/power/state {\"state\":\"boot\"}"), daemon.requests());
    }

    @Test
    void nodebootWithoutDeviceOnlyBoots() {
        daemon.on("PUT /noderange/n1/power/state", 200, """
                {"databynode":{"n1":{"state":{"value":"on"},"oldstate":{"value":"off"}}}}""");
        assertRun(cli.run("nodeboot", "n1"), 0, "n1: off->on\n", "");
        assertEquals(List.of("PUT /noderange/n1/power/state {\"state\":\"boot\"}"), daemon.requests());
    }

    @Test
    void nodebootBootsNothingWhenTheDeviceCouldNotBeSetEverywhere() {
        daemon.on("PUT /noderange/n1%2Cn2/boot/nextdevice", 200, """
                {"databynode":{"n1":{"nextdevice":{"value":"hd"}},"n2":{"error":"unsupported","errorcode":501}}}""");
        assertRun(cli.run("nodeboot", "n1,n2", "hd"), 1, "n1: hd\n", "n2: Error: unsupported\n");
        assertEquals(1, daemon.requests().size(), daemon.requests().toString());
    }

    @Test
    void nodeidentifyTurnsTheLightOnOrOff() {
        daemon.on("PUT /noderange/n1%2Cn2/identify", 200, """
                {"databynode":{"n1":{"identify":{"value":"on"}},"n2":{"identify":{"value":"on"}}}}""");
        assertRun(cli.run("nodeidentify", "n1,n2", "on"), 0, "n1: on\nn2: on\n", "");
        assertEquals(List.of("PUT /noderange/n1%2Cn2/identify {\"identify\":\"on\"}"), daemon.requests());
    }

    @Test
    void nodeidentifyBlinkAsksTheServerToBlink() {
        daemon.on("PUT /noderange/n1%2Cn2/identify", 200, """
                {"databynode":{"n1":{"identify":{"value":"blink"}},
                 "n2":{"error":"127.0.0.1:443 has no locating light on /redfish/v1/Systems/1","errorcode":501}}}""");
        assertRun(cli.run("nodeidentify", "n1,n2", "blink"), 1, "n1: blink\n",
                "n2: Error: 127.0.0.1:443 has no locating light on /redfish/v1/Systems/1\n");
        assertEquals(List.of("PUT /noderange/n1%2Cn2/identify {\"identify\":\"blink\"}"), daemon.requests());
    }

    @Test
    void nodeidentifyWithoutAStateShowsIt() {
        daemon.on("GET /noderange/n1%2Cn2%2Cn3/identify", 200, """
                {"databynode":{"n1":{"identify":{"value":"on"}},"n2":{"identify":{"value":"blink"}},
                 "n3":{"error":"127.0.0.1:623: the BMC does not report its chassis identify state","errorcode":501}}}""");
        assertRun(cli.run("nodeidentify", "n1,n2,n3"), 1, "n1: on\nn2: blink\n",
                "n3: Error: 127.0.0.1:623: the BMC does not report its chassis identify state\n");
        assertEquals(List.of("GET /noderange/n1%2Cn2%2Cn3/identify"), daemon.requests());
    }

    @Test
    void nodeinventoryPrintsOneLinePerPropertyInTheServersOrder() {
        daemon.on("GET /noderange/n1%2Cn2/inventory/hardware/all/all", 200, """
                {"databynode":{"n1":{"inventory":[
                  {"name":"System","present":true,"information":{"Product name":"X","Serial Number":"S","UUID":"u-1",
                   "Asset":null}},
                  {"name":"Processor 1","present":true,"information":{"Model":"Xeon","Cores":16}},
                  {"name":"Processor 2","present":false,"information":{}}]},
                 "n2":{"error":"bad credentials","errorcode":502}}}""");
        assertRun(cli.run("nodeinventory", "n1,n2"), 1, """
                n1: System: Product name: X
                n1: System: Serial Number: S
                n1: System: UUID: u-1
                n1: Processor 1: Model: Xeon
                n1: Processor 1: Cores: 16
                n1: Processor 2: Not Present
                """, "n2: Error: bad credentials\n");
    }

    @Test
    void nodehealthExplainsWhatIsNotOk() {
        daemon.on("GET /noderange/n1%2Cn2%2Cn3/health/hardware", 200, """
                {"databynode":{"n1":{"health":{"value":"ok"},"sensors":[]},
                 "n2":{"health":{"value":"critical"},"sensors":[
                   {"name":"Fan 1","health":"critical","states":["Lower critical"]},
                   {"name":"PSU 2","health":"failed","states":["Failed"]}]},
                 "n3":{"error":"BMC of n3 did not answer","errorcode":504}}}""");
        assertRun(cli.run("nodehealth", "n1,n2,n3"), 1, "n1: ok\nn2: critical (Fan 1:Lower critical, PSU 2:Failed)\n",
                "n3: Error: BMC of n3 did not answer\n");
    }

    @Test
    void nodesensorsPrintsValuesWithUnitsOrStates() {
        daemon.on("GET /noderange/n1/sensors/hardware/all", 200, """
                {"databynode":{"n1":{"sensors":[
                  {"name":"MB Temp","type":"Temperature","value":45.0,"units":"°C","health":"ok","states":[]},
                  {"name":"Fan 1","type":"Fan","value":5400,"units":"RPM","health":"ok","states":[]},
                  {"name":"Count","type":"Other","value":3,"units":"","health":"ok","states":[]},
                  {"name":"PSU 2","type":"Power Supply","value":null,"units":"","health":"failed",
                   "states":["Failed","Input lost"]}]}}}""");
        assertRun(cli.run("nodesensors", "n1"), 0,
                "n1: MB Temp: 45.0 °C\nn1: Fan 1: 5400 RPM\nn1: Count: 3\nn1: PSU 2: Failed, Input lost\n", "");
    }

    @Test
    void jsonOutputIsTheServersDatabynode() {
        daemon.on("GET /noderange/n1/identify", 200, "{\"databynode\":{\"n1\":{\"identify\":{\"value\":\"off\"}}}}");
        daemon.on("PUT /noderange/n1/identify", 200, "{\"databynode\":{\"n1\":{\"identify\":{\"value\":\"off\"}}}}");
        CliRunner.Result result = cli.run("-o", "json", "nodeidentify", "n1", "off");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("{\"n1\":{\"identify\":{\"value\":\"off\"}}}", result.out().replaceAll("\\s", ""));
    }

    @Test
    void aRefusedRequestFailsAsOtherCommandsDo() {
        daemon.on("GET /noderange/n1-/sensors/hardware/all", 404,
                "{\"errorcode\":404,\"error\":\"bad noderange 'n1-' at column 4: range has no end\"}");
        assertRun(cli.run("nodesensors", "n1-"), 1, "", "Error: bad noderange 'n1-' at column 4: range has no end\n");
    }
}
