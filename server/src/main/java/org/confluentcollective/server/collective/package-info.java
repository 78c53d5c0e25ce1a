/**
 * The collective: member registry and liveness, the leader latch, each member's ZooKeeper role,
 * invitations and enrollment, ensemble reconfiguration and the live pin set of member certificates
 * (docs/operations.md); this member's own join and recovery ({@code LocalMembership}) and what they
 * need from outside, as interfaces the daemon implements: {@code LocalPeer} (its ZooKeeper peer) and
 * {@code MemberChannel} (talking to another member).
 */
package org.confluentcollective.server.collective;
