package org.confluentcollective.hardware.bmc;

import java.util.Locale;
import java.util.Optional;

/** The next boot device, named as confluent names it ({@code network}, {@code hd}, ...). */
public enum BootDevice {
    NETWORK, HD, SETUP, DEFAULT, CD, FLOPPY, USB;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label, accepting the original's aliases ({@code net}, {@code pxe}, {@code disk}, {@code bios}...). */
    public static Optional<BootDevice> parse(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "network", "net", "pxe" -> Optional.of(NETWORK);
            case "hd", "disk", "hdd" -> Optional.of(HD);
            case "setup", "bios", "firmware", "f1" -> Optional.of(SETUP);
            case "default" -> Optional.of(DEFAULT);
            case "cd", "optical", "dvd" -> Optional.of(CD);
            case "floppy" -> Optional.of(FLOPPY);
            case "usb" -> Optional.of(USB);
            default -> Optional.empty();
        };
    }
}
