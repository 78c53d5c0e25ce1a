package org.confluentcollective.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.confluentcollective.server.MemberStore;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.collective.EnrollRequest;
import org.confluentcollective.server.collective.Enrollment;
import org.confluentcollective.server.collective.InviteToken;
import org.confluentcollective.server.collective.JoinClient;
import org.confluentcollective.server.collective.PendingJoin;
import org.confluentcollective.server.trust.MemberIdentity;
import org.confluentcollective.web.api.CollectiveAdministration;
import org.confluentcollective.zk.EmbeddedZooKeeper;
import org.confluentcollective.zk.QuorumServer;

/**
 * Membership changes of the running member. Joining and recovery replace the member's
 * ZooKeeper peer, so they leave a note in the state directory ({@link PendingJoin}, or the
 * recovery marker) and restart the member, which finishes them on start: a crash in between
 * finishes them on the next start instead.
 */
final class MemberAdministration implements CollectiveAdministration {

    private final DaemonConfig config;
    private final MemberIdentity identity;
    private final MemberStore store;
    private final String zooKeeperConnectString;
    private final Optional<Path> zooKeeperClientConfig;
    private final IntSupplier httpsPort;
    private final IntSupplier memberPort;
    private final Runnable restart;

    MemberAdministration(DaemonConfig config, MemberIdentity identity, MemberStore store,
                         String zooKeeperConnectString, Optional<Path> zooKeeperClientConfig, IntSupplier httpsPort,
                         IntSupplier memberPort, Runnable restart) {
        this.config = config;
        this.identity = identity;
        this.store = store;
        this.zooKeeperConnectString = zooKeeperConnectString;
        this.zooKeeperClientConfig = zooKeeperClientConfig;
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
    public void join(String server, String tokenText) {
        InviteToken token;
        try {
            token = InviteToken.parse(tokenText);
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest(e.getMessage());
        }
        int members = store.collective().status().members().size();
        if (members > 1) {
            throw RequestException.conflict("this member already belongs to a collective of " + members
                    + " members; delete it there (collective delete) and start it afresh before joining another");
        }
        QuorumServer own = ownServer();
        JoinClient.Endpoints endpoints = new JoinClient.Endpoints(config.zooKeeperAddress(), httpsPort.getAsInt(),
                memberPort.getAsInt(), own.quorumPort(), own.electionPort(), clientPort());
        Enrollment enrollment = new JoinClient(identity).enroll(server, token, Confluentd.VERSION, endpoints);
        new PendingJoin(enrollment, endpoints).save(config.stateDir());
        restart.run();
    }

    @Override
    public void delete(String name) {
        store.membership().delete(name);
    }

    @Override
    public void recover() {
        if (store.quorum().hasQuorum()) {
            throw RequestException.conflict("this member reaches a quorum: nothing to recover; remove lost members "
                    + "with collective delete instead");
        }
        Confluentd.markRecovery(config.stateDir());
        restart.run();
    }

    @Override
    public ZooKeeperShell zooKeeperShell() {
        return new ZooKeeperShell(zooKeeperConnectString, zooKeeperClientConfig.map(Path::toString)
                .orElseThrow(() -> new RequestException(RequestException.Kind.UNAVAILABLE,
                        "this member's ZooKeeper peer runs without TLS client settings")));
    }

    private QuorumServer ownServer() {
        try {
            return EmbeddedZooKeeper.existingServer(zooKeeperDir(config.stateDir()))
                    .orElseThrow(() -> new IllegalStateException("the ZooKeeper peer has no configuration"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int clientPort() {
        return Integer.parseInt(zooKeeperConnectString.substring(zooKeeperConnectString.lastIndexOf(':') + 1));
    }

    static Path zooKeeperDir(Path stateDir) {
        return stateDir.resolve("zookeeper");
    }
}
