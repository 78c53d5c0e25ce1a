/**
 * The collective: member registry and liveness, the leader latch, each member's ZooKeeper role,
 * invitations and enrollment, ensemble reconfiguration and the live pin set of member certificates
 * (docs/operations.md).
 */
package org.confluentcollective.server.collective;
