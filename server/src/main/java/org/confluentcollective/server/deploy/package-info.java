/**
 * Deployment's read-only view of the database (the issue after node operations): a node by MAC
 * address or UUID, its manager and manager candidates, and its pending profile, for the DHCP and
 * TFTP services, which use nothing else of the server. Empty until then; named now so that the
 * view has its home.
 */
package org.confluentcollective.server.deploy;
