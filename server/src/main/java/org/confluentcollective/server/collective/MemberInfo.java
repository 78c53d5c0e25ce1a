package org.confluentcollective.server.collective;

import java.util.Objects;

/**
 * A member as registered in the collective ({@code collective/members/<name>}).
 *
 * @param name        the member's name (its ZooKeeper and certificate identity)
 * @param address     where other members and clients reach it
 * @param role        {@code voter} or {@code observer}
 * @param fingerprint its certificate's SHA-256 fingerprint, the pin other members trust
 * @param version     the confluentd version it runs
 */
public record MemberInfo(String name, String address, String role, String fingerprint, String version) {

    public MemberInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(version, "version");
    }
}
