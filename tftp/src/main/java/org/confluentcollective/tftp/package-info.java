/**
 * A read-only TFTP server for the boot loaders and profile files under the deployment root
 * (design.md §6). It may use only server's api package (ArchitectureTest).
 */
package org.confluentcollective.tftp;
