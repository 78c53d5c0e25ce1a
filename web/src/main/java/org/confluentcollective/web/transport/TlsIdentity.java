package org.confluentcollective.web.transport;

import java.security.KeyStore;

/** The member's key and certificate as served on HTTPS. */
public record TlsIdentity(KeyStore keyStore, char[] password) {
}
