package org.confluentcollective.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.confluentcollective.hardware.bmc.BootDevice;
import org.confluentcollective.hardware.bmc.BootMode;
import org.confluentcollective.hardware.bmc.BootTarget;
import org.confluentcollective.hardware.bmc.IdentifyState;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.RequestException;
import org.junit.jupiter.api.Test;

class NodeRequestsTest {

    @Test
    void knowsTheResourcesAndWhichMayBeReadOrChanged() {
        assertTrue(NodeRequests.of(NodeOperation.read("power/state")).isPresent());
        assertTrue(NodeRequests.of(NodeOperation.change("boot/nextdevice", Map.of())).isPresent());
        assertTrue(NodeRequests.of(NodeOperation.read("sensors/hardware/all")).isPresent());
        assertTrue(NodeRequests.of(NodeOperation.read("identify")).isPresent(), "identify can be read back");
        assertEquals(java.util.List.of("power/state", "boot/nextdevice", "identify", "inventory/hardware/all/all",
                "health/hardware", "sensors/hardware/all"), NodeRequests.resources());
        assertFalse(NodeRequests.of(NodeOperation.change("inventory/hardware/all/all", Map.of())).isPresent(),
                "inventory cannot be changed");
        assertFalse(NodeRequests.of(NodeOperation.read("power/nosuch")).isPresent());
    }

    @Test
    void readsChangesWithTheOriginalsWordsAndAliases() {
        assertEquals("boot", NodeRequests.powerState(Map.of("state", "Boot")));
        assertEquals(new BootTarget(BootDevice.NETWORK, BootMode.UEFI, true),
                NodeRequests.bootTarget(Map.of("nextdevice", "net", "bootmode", "uefi", "persistent", true)));
        assertEquals(new BootTarget(BootDevice.HD, BootMode.UNSPECIFIED, false),
                NodeRequests.bootTarget(Map.of("nextdevice", "hd")));
        assertEquals(IdentifyState.ON, NodeRequests.identify(Map.of("identify", "on")));
        assertEquals(IdentifyState.OFF, NodeRequests.identify(Map.of("identify", "Off")));
        assertEquals(IdentifyState.BLINK, NodeRequests.identify(Map.of("identify", "blink")));
    }

    @Test
    void badInputIsABadRequestNamingTheField() {
        assertBad("\"state\"", () -> NodeRequests.powerState(Map.of("state", "sideways")));
        assertBad("\"state\"", () -> NodeRequests.powerState(Map.of()));
        assertBad("\"nextdevice\"", () -> NodeRequests.bootTarget(Map.of("nextdevice", "moon")));
        assertBad("\"bootmode\"", () -> NodeRequests.bootTarget(Map.of("nextdevice", "hd", "bootmode", "dos")));
        assertBad("\"persistent\"", () -> NodeRequests.bootTarget(Map.of("nextdevice", "hd", "persistent", "yes")));
        assertBad("\"identify\"", () -> NodeRequests.identify(Map.of("identify", 1)));
        assertBad("on, off or blink", () -> NodeRequests.identify(Map.of("identify", "flash")));
    }

    private static void assertBad(String field, org.junit.jupiter.api.function.Executable call) {
        RequestException e = assertThrows(RequestException.class, call);
        assertEquals(RequestException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
