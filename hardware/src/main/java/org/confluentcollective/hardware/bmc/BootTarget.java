package org.confluentcollective.hardware.bmc;

import java.util.Objects;

/**
 * The next boot: a device, a firmware mode and whether it lasts beyond one boot.
 *
 * @param persistent true to boot the device every time, false for the next boot only
 */
public record BootTarget(BootDevice device, BootMode mode, boolean persistent) {

    public BootTarget {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(mode, "mode");
    }
}
