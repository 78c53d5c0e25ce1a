/**
 * What the transports (web, and the DHCP, TFTP and hardware services to come) may rely on: request
 * failures with their kind ({@code RequestException}) and the lock-down state ({@code
 * QuorumStatus}).
 */
package org.confluentcollective.server.api;
