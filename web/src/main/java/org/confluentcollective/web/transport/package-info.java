/**
 * The listeners: HTTPS, the member API with pinned mutual TLS, and the root-only Unix socket.
 */
package org.confluentcollective.web.transport;
