/**
 * The deployment HTTP port (plain HTTP, unauthenticated, as the original's web server): the iPXE
 * boot script per node ({@code /boot/by-mac/<mac>/boot.ipxe}), the profiles' files
 * ({@code /confluent-public/os/<profile>/...}, with ranges), the iPXE loaders for UEFI HTTP boot
 * ({@code /boot/loaders/...}, the TFTP root) and the booted node's own calls
 * ({@code /self/apikey}, {@code /self/updatestatus}), which it authenticates with its one-time key.
 */
package org.confluentcollective.web.boot;
