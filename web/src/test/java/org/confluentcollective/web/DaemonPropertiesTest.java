package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.confluentcollective.hardware.HardwareSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void defaultsThenFileThenSystemProperties() throws Exception {
        Path file = dir.resolve("confluentd.properties");
        Files.writeString(file, "api.https.port=5005\nstate.dir=/srv/cc\nmember.name=alpha\n");
        Properties system = new Properties();
        system.setProperty("confluent.state.dir", "/override");
        system.setProperty("unrelated.key", "x");

        DaemonConfig config = DaemonProperties.toConfig(DaemonProperties.load(Optional.of(file), system));

        assertEquals(new DaemonConfig(Path.of("/override"), "alpha", "0.0.0.0", 5005,
                Path.of("/var/run/confluent-collective/api.sock"), "127.0.0.1", 4006, 4007, 4008, 4009, 5, 500,
                new HardwareSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 64),
                new DeploySettings(Path.of("/srv/confluent-collective"), Path.of("/usr/lib/ipxe"), "0.0.0.0", 4010,
                        false, 67, Set.of(), 4011, "aarch64/ipxe.efi", false, "0.0.0.0", 69)), config);
    }

    @Test
    void emptyMemberNameMeansTheHostName() {
        DaemonConfig config = DaemonProperties.toConfig(DaemonProperties.load(Optional.empty(), new Properties()));
        assertFalse(config.memberName().isBlank());
        assertEquals(Path.of("/var/lib/confluent-collective"), config.stateDir());
    }

    @Test
    void badPortIsNamed() {
        Properties system = new Properties();
        system.setProperty("confluent.api.https.port", "https");
        var e = assertThrows(IllegalArgumentException.class,
                () -> DaemonProperties.toConfig(DaemonProperties.load(Optional.empty(), system)));
        assertEquals("configuration key api.https.port is not a port number: https", e.getMessage());
    }

    @Test
    void failoverBatchIsReadAndMustBePositive() {
        Properties system = new Properties();
        system.setProperty("confluent.collective.failover.batch", "25");
        assertEquals(25, DaemonProperties.toConfig(DaemonProperties.load(Optional.empty(), system)).failoverBatch());
        system.setProperty("confluent.collective.failover.batch", "0");
        var e = assertThrows(IllegalArgumentException.class,
                () -> DaemonProperties.toConfig(DaemonProperties.load(Optional.empty(), system)));
        assertEquals("collective.failover.batch must be at least 1, not 0", e.getMessage());
    }
}
