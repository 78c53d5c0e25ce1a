package org.confluentcollective.server.api;

import java.util.Objects;

/**
 * A member as registered in the collective ({@code collective/members/<name>}).
 *
 * @param name        the member's name (its ZooKeeper and certificate identity)
 * @param address     where other members and clients reach it
 * @param role        voter, observer, or joining until admitted
 * @param fingerprint its certificate's SHA-256 fingerprint, the pin other members trust
 * @param version     the confluentd version it runs
 * @param serverId    its ZooKeeper server id (0 before it has one)
 * @param httpsPort   its HTTPS API port
 * @param memberPort  its member-to-member API port (mutual TLS, pinned certificates)
 */
public record MemberInfo(String name, String address, MemberRole role, String fingerprint, String version,
                         int serverId, int httpsPort, int memberPort) {

    public MemberInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(version, "version");
    }

    public MemberInfo withRole(MemberRole newRole) {
        return new MemberInfo(name, address, newRole, fingerprint, version, serverId, httpsPort, memberPort);
    }
}
