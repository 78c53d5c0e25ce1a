package org.confluentcollective.hardware.bmc;

import java.util.Locale;
import java.util.Optional;

/** How the firmware should boot the next device; {@code unspecified} leaves the BMC's setting. */
public enum BootMode {
    UNSPECIFIED, BIOS, UEFI;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BootMode> parse(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "unspecified" -> Optional.of(UNSPECIFIED);
            case "bios", "legacy" -> Optional.of(BIOS);
            case "uefi" -> Optional.of(UEFI);
            default -> Optional.empty();
        };
    }
}
