/**
 * Manager failover (next issue): when a member goes offline, the nodes it managed move to a live
 * member of their {@code collective.managercandidates}, decided once for the collective (the
 * leader latch) from the liveness znodes. Empty until then; named now so that the code has its
 * home.
 */
package org.confluentcollective.server.failover;
