package org.confluentcollective.zk;

import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * ZooKeeper's {@code ssl.quorum.context.supplier.class}: the TLS context of the quorum and
 * election ports, both directions. ZooKeeper caches the context, so its trust manager must be
 * (and is) live, and it must not resume sessions (see {@link MemberTlsPolicy}).
 */
public final class MemberQuorumSslContext implements Supplier<SSLContext> {

    @Override
    public SSLContext get() {
        try {
            SSLContext context = SSLContext.getInstance(MemberTlsPolicy.PROTOCOL);
            context.init(new KeyManager[] {JvmPeerTls.keyManager()},
                    new TrustManager[] {JvmPeerTls.trustManager()}, null);
            return MemberTlsPolicy.withoutResumption(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the quorum TLS context: " + e.getMessage(), e);
        }
    }
}
