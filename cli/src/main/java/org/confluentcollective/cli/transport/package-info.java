/**
 * Talking to confluentd: the local socket or HTTPS with a pinned certificate, and the failures as
 * messages.
 */
package org.confluentcollective.cli.transport;
