/**
 * A read-only TFTP server for the boot loaders and profile files under the deployment root
 * (design.md §6): RFC 1350 reads in octet and netascii, RFC 2347 options (blksize, tsize,
 * timeout, windowsize), writes refused, no path outside the root.
 *
 * <p>{@link org.confluentcollective.tftp.TftpServer} (request port, bounded pool) hands each
 * request, parsed by {@code RequestParser}, to a {@code Transfer} on its own socket, which
 * resolves the name ({@code PathResolver}), negotiates ({@code Options}) and sends windows of
 * blocks ({@code BlockSource}). DATA, ACK and ERROR packets are Commons Net's classes; requests
 * and OACKs are parsed and built here (Commons Net has no OACK class, and its request parser
 * reads past the datagram's length). It may use only server's api package (ArchitectureTest).
 */
package org.confluentcollective.tftp;
