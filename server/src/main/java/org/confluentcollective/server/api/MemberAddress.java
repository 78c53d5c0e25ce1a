package org.confluentcollective.server.api;

import java.util.Objects;

/**
 * Where another member's member API is reached, and the certificate fingerprint it must present
 * there (its pin in the collective's registry).
 */
public record MemberAddress(String name, String address, int memberPort, String fingerprint) {

    public MemberAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public String toString() {
        return name + " (" + address + ":" + memberPort + ")";
    }
}
