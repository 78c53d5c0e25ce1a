/**
 * Lock-down as clients see it: consistent reads that catch up first, and the stale mark on answers
 * given without a quorum.
 */
package org.confluentcollective.web.quorum;
