package org.confluentcollective.dhcp;

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
}
