/**
 * Request routing: a node operation may reach any member; the member splits the nodes by
 * {@code collective.manager}, runs its own share, forwards the others to their managers over the
 * member channel, and merges the answers in natural node order (design.md §5).
 */
package org.confluentcollective.server.routing;
