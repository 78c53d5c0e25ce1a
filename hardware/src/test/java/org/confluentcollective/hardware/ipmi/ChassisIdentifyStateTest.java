package org.confluentcollective.hardware.ipmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.IdentifyState;
import org.junit.jupiter.api.Test;

/**
 * The identify state in Get Chassis Status's misc chassis state byte (bits 5:4, valid when bit 6 is
 * set), and the Chassis Identify request's data bytes that set it.
 */
class ChassisIdentifyStateTest {

    @Test
    void decodesTheStateWhenTheBmcSaysItReportsIt() throws Exception {
        assertEquals(Optional.of(IdentifyState.OFF), IpmiBmc.identifyState("b:623", 0b0100_0000));
        assertEquals(Optional.of(IdentifyState.BLINK), IpmiBmc.identifyState("b:623", 0b0101_0000),
                "temporary (timed) on, what blink sets");
        assertEquals(Optional.of(IdentifyState.ON), IpmiBmc.identifyState("b:623", 0b0110_0000), "indefinite on");
        // the other bits (intrusion, lockout, drive and fan faults) do not change it
        assertEquals(Optional.of(IdentifyState.ON), IpmiBmc.identifyState("b:623", 0b0110_1111));
        assertEquals(Optional.of(IdentifyState.OFF), IpmiBmc.identifyState("b:623", 0b1100_1111));
    }

    @Test
    void chassisIdentifyForcesOnTimesBlinkAndZeroesOff() {
        assertArrayEquals(new byte[] {0x00, 0x01}, IpmiBmc.chassisIdentify(IdentifyState.ON), "interval 0, force on");
        assertArrayEquals(new byte[] {0x00, 0x00}, IpmiBmc.chassisIdentify(IdentifyState.OFF), "interval 0, no force");
        assertArrayEquals(new byte[] {(byte) 0xff, 0x00}, IpmiBmc.chassisIdentify(IdentifyState.BLINK),
                "255 s, no force");
    }

    @Test
    void withoutBit6TheStateBitsMeanNothing() throws Exception {
        assertEquals(Optional.empty(), IpmiBmc.identifyState("b:623", 0x00));
        assertEquals(Optional.empty(), IpmiBmc.identifyState("b:623", 0b0010_0000));
        assertEquals(Optional.empty(), IpmiBmc.identifyState("b:623", 0b1011_1111));
    }

    @Test
    void theReservedStateIsABmcError() {
        BmcException e = assertThrows(BmcException.class, () -> IpmiBmc.identifyState("b:623", 0b0111_0000));
        assertEquals(BmcException.Kind.BMC_ERROR, e.kind());
        assertTrue(e.getMessage().startsWith("b:623: ") && e.getMessage().contains("reserved"), e.getMessage());
    }
}
