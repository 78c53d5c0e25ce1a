/**
 * Request routing (next issue): a request for nodes may reach any member and is carried out by
 * the member that manages each node ({@code collective.manager}), over the member-to-member
 * channel. Empty until then; named now so that the routing code has its home.
 */
package org.confluentcollective.server.routing;
