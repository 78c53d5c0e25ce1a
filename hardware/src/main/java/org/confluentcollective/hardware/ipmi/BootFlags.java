package org.confluentcollective.hardware.ipmi;

import org.confluentcollective.hardware.bmc.BootDevice;
import org.confluentcollective.hardware.bmc.BootMode;
import org.confluentcollective.hardware.bmc.BootTarget;

/**
 * The boot flags parameter (5) of Get/Set System Boot Options: data byte 1 holds valid (0x80),
 * persistent (0x40) and EFI (0x20); byte 2 bits 5-2 the device selector (IPMI 2.0 table 28-14).
 */
final class BootFlags {

    static final int PARAMETER = 5;
    private static final int VALID = 0x80;
    private static final int PERSISTENT = 0x40;
    private static final int EFI = 0x20;

    private BootFlags() {
    }

    /** The five data bytes that set {@code target}; default clears the override (valid bit off), as pyghmi does. */
    static byte[] encode(BootTarget target) {
        if (target.device() == BootDevice.DEFAULT) {
            return new byte[5];
        }
        // IPMI has no "leave the mode as it is": unspecified asks for legacy, like pyghmi without uefiboot
        int flags = VALID | (target.persistent() ? PERSISTENT : 0) | (target.mode() == BootMode.UEFI ? EFI : 0);
        return new byte[] {(byte) flags, (byte) (selector(target.device()) << 2), 0, 0, 0};
    }

    /**
     * Reads the five data bytes. The device comes from the selector even when the valid bit is off:
     * some BMCs (ipmi_sim) keep only the selector.
     */
    static BootTarget decode(byte[] data) {
        int flags = data[0] & 0xff;
        int selector = (data[1] >> 2) & 0x0f;
        BootMode mode = (flags & EFI) != 0 ? BootMode.UEFI : (flags & VALID) != 0 ? BootMode.BIOS : BootMode.UNSPECIFIED;
        return new BootTarget(device(selector), mode, (flags & PERSISTENT) != 0);
    }

    static int selector(BootDevice device) {
        return switch (device) {
            case DEFAULT -> 0;
            case NETWORK -> 1;
            case HD -> 2;
            case CD -> 5;
            case SETUP -> 6;
            // the spec has one selector for "floppy/primary removable media", which USB keys are
            case FLOPPY, USB -> 15;
        };
    }

    static BootDevice device(int selector) {
        return switch (selector) {
            case 1 -> BootDevice.NETWORK;
            case 2, 3, 11 -> BootDevice.HD;  // default disk, disk in safe mode, remote disk
            case 5, 8 -> BootDevice.CD;      // CD/DVD, remote CD/DVD
            case 6 -> BootDevice.SETUP;
            case 7, 15 -> BootDevice.FLOPPY; // remote floppy, floppy/primary removable media
            default -> BootDevice.DEFAULT;
        };
    }
}
