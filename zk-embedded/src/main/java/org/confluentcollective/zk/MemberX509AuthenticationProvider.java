package org.confluentcollective.zk;

import java.security.cert.X509Certificate;

/**
 * ZooKeeper's {@code authProvider.x509} for the TLS client port. In 3.9.5 the Netty client port
 * takes its key and trust managers from this provider (not from an SSLContext supplier), so it
 * serves the member key and admits exactly the pinned member certificates. Every member gets
 * the same principal, {@link #MEMBER_PRINCIPAL}, which the peer configuration makes ZooKeeper's
 * super user: members are equally trusted and must be able to reconfigure the ensemble.
 */
public final class MemberX509AuthenticationProvider
        extends org.apache.zookeeper.server.auth.X509AuthenticationProvider {

    static final String MEMBER_PRINCIPAL = "CN=collective-member";

    public MemberX509AuthenticationProvider() {
        super(JvmPeerTls.trustManager(), JvmPeerTls.keyManager());
    }

    @Override
    protected String getClientId(X509Certificate certificate) {
        return MEMBER_PRINCIPAL;
    }
}
