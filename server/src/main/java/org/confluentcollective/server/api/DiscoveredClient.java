package org.confluentcollective.server.api;

import java.time.Instant;

/**
 * A PXE client no node matched, as this member saw it (discovery is per member, spec
 * collective.md §9).
 *
 * @param mac          {@code aa:bb:cc:dd:ee:ff}
 * @param architecture option 93 (0 BIOS, 7/9 UEFI x64...), or -1 when absent
 * @param uuid         option 97 as text, or null
 */
public record DiscoveredClient(String mac, int architecture, String uuid, Instant firstSeen, Instant lastSeen) {

    /** The original's name of the architecture ({@code bios-x86}, {@code uefi-x64}...), or {@code unknown}. */
    public String architectureName() {
        return switch (architecture) {
            case 0 -> "bios-x86";
            case 7, 9 -> "uefi-x64";
            case 0x0b -> "uefi-aarch64";
            case 0x10, 0x13 -> "uefi-httpboot";
            default -> architecture < 0 ? "unknown" : "arch-" + architecture;
        };
    }
}
