/**
 * The DHCPv4 / proxyDHCP responder for PXE clients and PXE discovery (design.md §6,
 * spec/deployment.md): it answers known nodes from the replicated attributes and records unknown
 * clients. It may use only server's api package (ArchitectureTest).
 */
package org.confluentcollective.dhcp;
