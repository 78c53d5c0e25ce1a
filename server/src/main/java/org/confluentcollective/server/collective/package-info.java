/**
 * The collective: member registry and liveness, the leader latch, each member's ZooKeeper role,
 * invitations and enrollment, ensemble reconfiguration and the live pin set of member certificates
 * (docs/operations.md); this member's own join and recovery ({@code LocalMembership}) and what they
 * need of its ZooKeeper peer ({@code LocalPeer}). The values the transports exchange (the
 * collective's view, invitation tokens, enrollment, member records) and {@code MemberChannel}
 * (talking to another member, which web implements) are in {@code server.api}.
 */
package org.confluentcollective.server.collective;
