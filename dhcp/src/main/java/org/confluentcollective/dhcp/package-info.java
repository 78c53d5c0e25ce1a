/**
 * The DHCPv4 responder for PXE clients and PXE discovery (design.md §6, spec/deployment.md): our
 * own strict codec ({@code DhcpPacket}), the decision ({@code DhcpResponder}: BIOS, UEFI x64 and
 * iPXE boot files, static offers on this member's subnets or, relayed, on the relay's subnet,
 * address-less proxy offers otherwise and acks on the proxyDHCP port 4011,
 * exactly one member per node through {@code DeploymentView.servesDeployment}), its sockets
 * ({@code DhcpServer}) and the per-member list of unknown clients ({@code DiscoveryList}). It
 * answers from the member's copy, with or without a quorum. It may use only server's api package
 * (ArchitectureTest).
 */
package org.confluentcollective.dhcp;
