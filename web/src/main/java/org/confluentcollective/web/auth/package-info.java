/**
 * Who is calling and what they may do: Basic authentication over HTTPS, the root-only local
 * socket, pinned members on the member port, and the permission of each resource.
 */
package org.confluentcollective.web.auth;
