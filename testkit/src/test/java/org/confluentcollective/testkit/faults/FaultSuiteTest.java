package org.confluentcollective.testkit.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The short fault run (every fault kind once, on the ZooKeeper leader and on a follower): fails
 * on anything the checker finds, and keeps the history and the members' logs for a look.
 */
@Tag("slow")
class FaultSuiteTest {

    @Test
    void shortRunFindsNothing() throws Exception {
        // Partitions need iptables and root (setpriv to other group ids, firewall rules).
        assumeTrue("root".equals(System.getProperty("user.name")), "the fault suite runs as root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/iptables")), "the fault suite needs iptables");
        FaultRun.Result result = new FaultRun(FaultRun.Config.shortRun(System.currentTimeMillis(), false)).run();
        Report report = result.report();
        assertEquals(EnumSet.allOf(FaultKind.class), EnumSet.copyOf(report.faults().keySet()), report.text());
        assertTrue(report.passed(), report.text() + "history and logs: " + result.directory());
    }
}
