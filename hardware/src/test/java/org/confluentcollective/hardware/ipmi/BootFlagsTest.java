package org.confluentcollective.hardware.ipmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.confluentcollective.hardware.bmc.BootDevice;
import org.confluentcollective.hardware.bmc.BootMode;
import org.confluentcollective.hardware.bmc.BootTarget;
import org.junit.jupiter.api.Test;

class BootFlagsTest {

    @Test
    void encodesValidPersistentEfiBitsAndTheSelector() {
        assertArrayEquals(new byte[] {(byte) 0x80, 0x04, 0, 0, 0},
                BootFlags.encode(new BootTarget(BootDevice.NETWORK, BootMode.BIOS, false)));
        assertArrayEquals(new byte[] {(byte) 0xe0, 0x08, 0, 0, 0},
                BootFlags.encode(new BootTarget(BootDevice.HD, BootMode.UEFI, true)));
        assertArrayEquals(new byte[] {(byte) 0x80, 0x18, 0, 0, 0},
                BootFlags.encode(new BootTarget(BootDevice.SETUP, BootMode.UNSPECIFIED, false)));
        assertArrayEquals(new byte[] {(byte) 0x80, 0x3c, 0, 0, 0},
                BootFlags.encode(new BootTarget(BootDevice.USB, BootMode.BIOS, false)));
        assertArrayEquals(new byte[5], BootFlags.encode(new BootTarget(BootDevice.DEFAULT, BootMode.UEFI, true)));
    }

    @Test
    void everyDeviceButUsbRoundTrips() {
        for (BootDevice device : BootDevice.values()) {
            for (BootMode mode : new BootMode[] {BootMode.BIOS, BootMode.UEFI}) {
                BootTarget target = new BootTarget(device, mode, true);
                BootTarget back = BootFlags.decode(BootFlags.encode(target));
                switch (device) {
                    case DEFAULT -> assertEquals(new BootTarget(BootDevice.DEFAULT, BootMode.UNSPECIFIED, false), back);
                    case USB -> assertEquals(new BootTarget(BootDevice.FLOPPY, mode, true), back);
                    default -> assertEquals(target, back);
                }
            }
        }
    }

    @Test
    void readsTheSelectorWithoutTheValidBit() {
        // ipmi_sim keeps only the selector: byte 1 comes back 0
        assertEquals(new BootTarget(BootDevice.CD, BootMode.UNSPECIFIED, false),
                BootFlags.decode(new byte[] {0, 0x14, 0, 0, 0}));
    }

    @Test
    void uuidIsInSmbiosOrder() {
        assertEquals("674523a1-ab89-efcd-a123-456789abcdef",
                Inventory.uuid(HexFormat.of().parseHex("a123456789abcdefa123456789abcdef")));
    }
}
