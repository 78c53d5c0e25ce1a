/**
 * Member identity and certificate pinning: each member's key and self-signed certificate, and the
 * trust managers that accept exactly the pinned certificates.
 */
package org.confluentcollective.server.trust;
