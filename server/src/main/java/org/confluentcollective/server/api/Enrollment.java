package org.confluentcollective.server.api;

import java.util.List;

/**
 * What an inviting member hands a joiner that proved its token: everything it needs to start
 * its ZooKeeper peer in the collective's ensemble and to trust, and be trusted by, every member.
 *
 * @param name             the joiner's member name (from the token)
 * @param serverId         the joiner's new ZooKeeper server id
 * @param approval         {@code HMAC(verifier, joiner cert || inviter cert)}: the inviter's proof
 * @param members          the registered members, with their certificate fingerprints
 * @param ensemble         the committed ZooKeeper {@code server.N=} lines
 * @param replacedServerId the server id of a stale member of the same name, 0 if none
 * @param collectiveKey    the key that seals secret attributes (travels only inside this join)
 * @param collectiveVersion the confluentd version the collective runs
 */
public record Enrollment(String name, int serverId, byte[] approval, List<MemberInfo> members, List<String> ensemble,
                         int replacedServerId, byte[] collectiveKey, String collectiveVersion) {

    public Enrollment {
        members = List.copyOf(members);
        ensemble = List.copyOf(ensemble);
    }

    @Override
    public String toString() {
        return "Enrollment[" + name + ", server " + serverId + ", " + members.size() + " members, key hidden]";
    }
}
