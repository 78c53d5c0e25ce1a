package org.confluentcollective.zk;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * TLS between members: TLS 1.3 only (its suites are all AEAD with forward secrecy), on the
 * quorum, election and client ports and in the member's own ZooKeeper client, and no session
 * resumption, so that a peer whose pin is dropped cannot come back on a session it opened while
 * it was trusted (a resumed handshake does not consult the trust manager).
 */
final class MemberTlsPolicy {

    static final String PROTOCOL = "TLSv1.3";
    static final String CIPHER_SUITES = "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,TLS_CHACHA20_POLY1305_SHA256";

    /**
     * A server session timeout above the 7-day ticket lifetime limit of TLS 1.3 makes the JDK
     * send no NewSessionTicket at all, and without a ticket a TLS 1.3 client cannot resume.
     */
    static final int NO_TICKETS_SESSION_TIMEOUT_SECONDS = 7 * 24 * 3600 + 1;

    private MemberTlsPolicy() {
    }

    /** Issues no session tickets from {@code context}'s server side. */
    static SSLContext withoutResumption(SSLContext context) {
        context.getServerSessionContext().setSessionTimeout(NO_TICKETS_SESSION_TIMEOUT_SECONDS);
        return context;
    }

    /**
     * The zoo.cfg keys for the quorum and election ports ({@code ssl.quorum.*}) and the client
     * port ({@code ssl.*}); ZooKeeper turns them into JVM-wide {@code zookeeper.ssl.*} properties.
     */
    static Map<String, String> serverConfiguration() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String prefix : new String[] {"ssl.quorum.", "ssl."}) {
            keys.put(prefix + "protocol", PROTOCOL);
            keys.put(prefix + "enabledProtocols", PROTOCOL);
            keys.put(prefix + "ciphersuites", CIPHER_SUITES);
        }
        return keys;
    }

    /** The same for the member's own client, in its {@code client.properties}. */
    static Map<String, String> clientConfiguration() {
        return Map.of(
                "zookeeper.ssl.protocol", PROTOCOL,
                "zookeeper.ssl.enabledProtocols", PROTOCOL,
                "zookeeper.ssl.ciphersuites", CIPHER_SUITES);
    }
}
