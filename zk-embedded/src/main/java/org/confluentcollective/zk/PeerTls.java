package org.confluentcollective.zk;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;

/**
 * This member's TLS credentials for every ZooKeeper port: its own key and certificate, and the
 * trust manager that decides which peers are members. The trust manager is live (the member
 * registry changes it as members join and leave), so ZooKeeper never needs a restart to trust a
 * new member.
 *
 * @param identity     a PKCS#12 key store holding exactly one key entry: the member's key and certificate
 * @param password     the key store's password
 * @param trustManager decides which peer certificates are members
 */
public record PeerTls(KeyStore identity, char[] password, X509ExtendedTrustManager trustManager) {

    public PeerTls {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(trustManager, "trustManager");
    }

    /** A key manager for the member key (built anew: callers keep it). */
    X509KeyManager keyManager() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(identity, password);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509KeyManager) {
                    return (X509KeyManager) manager;
                }
            }
            throw new IllegalStateException("no X.509 key manager for the member key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the member key cannot be used for TLS: " + e.getMessage(), e);
        }
    }

    /** The alias of the identity's one key entry. */
    String keyAlias() {
        try {
            for (String alias : Collections.list(identity.aliases())) {
                if (identity.isKeyEntry(alias)) {
                    return alias;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the member key store: " + e.getMessage(), e);
        }
        throw new IllegalStateException("the identity key store holds no key entry");
    }
}
