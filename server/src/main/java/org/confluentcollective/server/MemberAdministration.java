package org.confluentcollective.server;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.confluentcollective.server.api.CollectiveAdministration;
import org.confluentcollective.server.api.EnrollRequest;
import org.confluentcollective.server.api.Enrollment;
import org.confluentcollective.server.api.InviteToken;
import org.confluentcollective.server.api.MemberCredentials;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.collective.LocalMembership;

/**
 * Membership changes of the running member, as the collective resources ask for them: the
 * collective does the work ({@link LocalMembership} for this member's own join and recovery);
 * this class adds what only the running member knows (its ports, how it restarts).
 */
final class MemberAdministration implements CollectiveAdministration {

    private final String address;
    private final MemberCredentials identity;
    private final MemberStore store;
    private final LocalMembership local;
    private final ZooKeeperPeer peer;
    private final int httpsPort;
    private final int memberPort;
    private final Runnable restart;

    MemberAdministration(String address, MemberCredentials identity, MemberStore store, LocalMembership local,
                         ZooKeeperPeer peer, int httpsPort, int memberPort, Runnable restart) {
        this.address = address;
        this.identity = identity;
        this.store = store;
        this.local = local;
        this.peer = peer;
        this.httpsPort = httpsPort;
        this.memberPort = memberPort;
        this.restart = restart;
    }

    @Override
    public X509Certificate certificate() {
        return identity.certificate();
    }

    @Override
    public InviteToken invite(String name, Duration ttl, String invitedBy) {
        return store.invitations().invite(name, ttl, invitedBy);
    }

    @Override
    public Enrollment enroll(EnrollRequest request) {
        return store.invitations().enroll(request);
    }

    @Override
    public void join(String server, String token) {
        local.prepareJoin(server, token, address, httpsPort, memberPort);
    }

    @Override
    public void delete(String name) {
        store.membership().delete(name);
    }

    @Override
    public void recover() {
        local.prepareRecovery();
    }

    @Override
    public void restart() {
        restart.run();
    }

    @Override
    public ZooKeeperShell zooKeeperShell() {
        return new ZooKeeperShell(peer.connectString(), peer.clientConfigFile().map(Path::toString)
                .orElseThrow(() -> new RequestException(RequestException.Kind.UNAVAILABLE,
                        "this member's ZooKeeper peer runs without TLS client settings")));
    }
}
