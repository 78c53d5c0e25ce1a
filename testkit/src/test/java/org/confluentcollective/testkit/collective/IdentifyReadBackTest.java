package org.confluentcollective.testkit.collective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.confluentcollective.cli.CliRunner;
import org.confluentcollective.testkit.MemberProcess;
import org.confluentcollective.testkit.bmc.IpmiSimulator;
import org.confluentcollective.testkit.bmc.RedfishSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code nodeidentify NR} without a state reads the light back through a real daemon: the Redfish
 * BMC tells its IndicatorLED, ipmi_sim does not report the identify state in Get Chassis Status,
 * which is that node's clear error while the other node answers. Blink reaches both BMCs and
 * reads back blink from the Redfish one.
 */
@Tag("slow")
class IdentifyReadBackTest {

    private static final String PASSWORD = "bmc-Secret9";

    @RegisterExtension
    final Cluster cluster = new Cluster();

    @Test
    void theLightIsReadBackWhereTheBmcReportsIt() throws Exception {
        try (IpmiSimulator ipmi = IpmiSimulator.start(PASSWORD);
             RedfishSimulator redfish = RedfishSimulator.start("rf1", "52:54:00:00:02:01")) {
            MemberProcess m1 = cluster.start("m1");
            m1.ok("nodedefine", "ipmi1", "hardwaremanagement.method=ipmi",
                    "hardwaremanagement.manager=" + ipmi.host() + ":" + ipmi.port(),
                    "secret.hardwaremanagementuser=" + IpmiSimulator.USER,
                    "secret.hardwaremanagementpassword=" + PASSWORD);
            m1.ok("nodedefine", "rf1", "hardwaremanagement.method=redfish",
                    "hardwaremanagement.manager=" + redfish.address(),
                    "secret.hardwaremanagementuser=" + RedfishSimulator.USER,
                    "secret.hardwaremanagementpassword=" + RedfishSimulator.PASSWORD);

            assertEquals("ipmi1: on\nrf1: on\n", m1.ok("nodeidentify", "ipmi1,rf1", "on").out());
            assertEquals("0 1", ipmi.identify());
            CliRunner.Result read = m1.ctl("nodeidentify", "ipmi1,rf1");
            assertEquals(1, read.exitCode(), read.toString());
            assertEquals("rf1: on\n", read.out(), read.toString());
            assertEquals("ipmi1: Error: " + ipmi.host() + ":" + ipmi.port() + ": the BMC does not report its "
                    + "chassis identify state (Get Chassis Status says it is not supported), so identify can be "
                    + "set but not read back\n", read.err(), read.toString());

            assertEquals("rf1: off\n", m1.ok("nodeidentify", "rf1", "off").out());
            assertEquals("rf1: off\n", m1.ok("nodeidentify", "rf1").out());

            assertEquals("ipmi1: blink\nrf1: blink\n", m1.ok("nodeidentify", "ipmi1,rf1", "blink").out());
            assertEquals("255 0", ipmi.identify());
            assertEquals("rf1: blink\n", m1.ok("nodeidentify", "rf1").out());
            assertEquals("ipmi1: off\nrf1: off\n", m1.ok("nodeidentify", "ipmi1,rf1", "off").out());
            assertEquals("0 0", ipmi.identify());
            assertEquals("rf1: off\n", m1.ok("nodeidentify", "rf1").out());
        }
    }
}
