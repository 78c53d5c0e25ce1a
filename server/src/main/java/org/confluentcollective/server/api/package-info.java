/**
 * What the transports (web, dhcp, tftp) and the hardware service may rely on: request failures
 * with their kind ({@code RequestException}), the lock-down state ({@code QuorumStatus}), node
 * names and noderanges ({@code NodeNames}), node operations and their per-node results
 * ({@code NodeOperations}, {@code NodeHandler}, {@code NodeResult}), the member channel for
 * forwarding them ({@code MemberForwarder}) and the effective node values services act on
 * ({@code NodeValues}).
 */
package org.confluentcollective.server.api;
