package org.confluentcollective.web.auth;

/**
 * How a request reached the server, decided by the connector that accepted it (never by
 * anything the client sent) and carried as a request attribute.
 */
public enum RequestOrigin {
    /** The Unix domain socket, which only local root can open. */
    LOCAL_SOCKET,
    /** HTTPS from anywhere: credentials required. */
    NETWORK,
    /** The member API: the TLS handshake admitted only a pinned member certificate. */
    MEMBER;

    public static final String ATTRIBUTE = RequestOrigin.class.getName();
    /** The request attribute holding the client's IP address, as the connection shows it. */
    public static final String ADDRESS_ATTRIBUTE = RequestOrigin.class.getName() + ".address";

    /** Anything not positively marked as local or member is treated as coming from the network. */
    public static RequestOrigin of(Object attribute) {
        return attribute == LOCAL_SOCKET || attribute == MEMBER ? (RequestOrigin) attribute : NETWORK;
    }
}
