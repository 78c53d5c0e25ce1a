package org.confluentcollective.hardware.redfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.confluentcollective.hardware.bmc.PowerAction;
import org.junit.jupiter.api.Test;

class ResetTypeTest {

    @Test
    void takesTheFirstChoiceWhenTheServiceDoesNotTell() {
        assertEquals(Optional.of("On"), RedfishBmc.resetType(PowerAction.ON, Optional.empty()));
        assertEquals(Optional.of("ForceOff"), RedfishBmc.resetType(PowerAction.OFF, Optional.empty()));
        assertEquals(Optional.of("GracefulShutdown"), RedfishBmc.resetType(PowerAction.SHUTDOWN, Optional.empty()));
        assertEquals(Optional.of("ForceRestart"), RedfishBmc.resetType(PowerAction.RESET, Optional.empty()));
        assertEquals(Optional.of("Nmi"), RedfishBmc.resetType(PowerAction.DIAG, Optional.empty()));
    }

    @Test
    void resetFallsBackToWhatTheServiceAllows() {
        assertEquals(Optional.of("GracefulRestart"),
                RedfishBmc.resetType(PowerAction.RESET, Optional.of(List.of("On", "ForceOff", "GracefulRestart"))));
        assertEquals(Optional.of("PowerCycle"),
                RedfishBmc.resetType(PowerAction.RESET, Optional.of(List.of("PowerCycle", "On"))));
        assertEquals(Optional.of("ForceOn"), RedfishBmc.resetType(PowerAction.ON, Optional.of(List.of("ForceOn"))));
    }

    @Test
    void nothingWhenTheServiceAllowsNoneOfTheChoices() {
        assertEquals(Optional.empty(), RedfishBmc.resetType(PowerAction.DIAG, Optional.of(List.of("On", "ForceOff"))));
        assertEquals(Optional.empty(), RedfishBmc.resetType(PowerAction.OFF, Optional.of(List.of())));
    }

    @Test
    void pinsInTheOriginalsFormsAreAccepted() {
        assertTrue(PinningTrustManager.validPin("sha512$" + "ab".repeat(64)));
        assertTrue(PinningTrustManager.validPin("SHA256$" + "AB".repeat(32)));
        assertFalse(PinningTrustManager.validPin("sha512$" + "ab".repeat(32)));
        assertFalse(PinningTrustManager.validPin("md5$" + "ab".repeat(16)));
        assertFalse(PinningTrustManager.validPin("ab".repeat(64)));
    }
}
