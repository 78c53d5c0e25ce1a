/**
 * Lock-down: whether this member reaches a quorum now, held as a lease renewed by writes only a
 * quorum can commit. Below the database and the collective, which both refuse changes through it.
 */
package org.confluentcollective.server.quorum;
