package org.confluentcollective.web.auth;

import jakarta.ws.rs.core.SecurityContext;

/** Exposes the authenticated {@link Caller} to Jersey. */
record CallerSecurityContext(Caller caller) implements SecurityContext {

    @Override
    public Caller getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.role().name().equalsIgnoreCase(role);
    }

    @Override
    public boolean isSecure() {
        // Both transports are private: TLS on the network, a 0600 socket locally.
        return true;
    }

    @Override
    public String getAuthenticationScheme() {
        return caller.origin() == RequestOrigin.NETWORK ? BASIC_AUTH : null;
    }
}
