/**
 * Secrets at rest: the collective key, AES-256-GCM sealing of secret attributes, one-way hashes of
 * crypted ones, and private (0600) files.
 */
package org.confluentcollective.server.secrets;
