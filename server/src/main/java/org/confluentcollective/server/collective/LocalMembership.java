package org.confluentcollective.server.collective;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.confluentcollective.server.api.CollectiveView;
import org.confluentcollective.server.api.Enrollment;
import org.confluentcollective.server.api.InviteToken;
import org.confluentcollective.server.api.JoinEndpoints;
import org.confluentcollective.server.api.MemberChannel;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.api.QuorumStatus;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.secrets.CollectiveKey;
import org.confluentcollective.server.secrets.PrivateFiles;
import org.confluentcollective.zk.QuorumRole;
import org.confluentcollective.zk.QuorumServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's own membership changes that replace its ZooKeeper peer: joining a collective
 * and recovering alone. Both are prepared while the member runs and leave a note in the state
 * directory ({@link PendingJoin}, or the recovery marker); the member then restarts and
 * {@link #beforePeerStarts} finishes them. A crash in between finishes them on the next start.
 */
public final class LocalMembership {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMembership.class);
    private static final String NAME_FILE = "member.name";
    private static final String RECOVER_MARKER = "recover-alone";

    private final Path stateDir;
    private final CollectiveView collective;
    private final QuorumStatus quorum;
    private final LocalPeer peer;
    private final MemberChannel channel;
    private final String version;

    public LocalMembership(Path stateDir, CollectiveView collective, QuorumStatus quorum, LocalPeer peer,
                           MemberChannel channel, String version) {
        this.stateDir = stateDir;
        this.collective = collective;
        this.quorum = quorum;
        this.peer = peer;
        this.channel = channel;
        this.version = version;
    }

    /**
     * Enrolls with the member at {@code server} and saves the enrollment; the member must then
     * restart to finish the join.
     *
     * @param address   where other members reach this member
     * @param httpsPort this member's HTTPS API port
     * @param memberPort this member's member API port
     */
    public void prepareJoin(String server, String tokenText, String address, int httpsPort, int memberPort) {
        InviteToken token;
        try {
            token = InviteToken.parse(tokenText);
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest(e.getMessage());
        }
        int members = collective.status().members().size();
        if (members > 1) {
            throw RequestException.conflict("this member already belongs to a collective of " + members
                    + " members; delete it there (collective delete) and start it afresh before joining another");
        }
        QuorumServer own;
        try {
            own = peer.ownServer();
        } catch (IOException e) {
            throw new IllegalStateException("the ZooKeeper peer has no readable configuration", e);
        }
        JoinEndpoints endpoints = new JoinEndpoints(address, httpsPort, memberPort, own.quorumPort(),
                own.electionPort(), peer.clientPort());
        Enrollment enrollment = channel.enroll(server, token, version, endpoints);
        new PendingJoin(enrollment, endpoints).save(stateDir);
    }

    /** Leaves the note that the next start rebuilds a one-member collective; refused with a quorum. */
    public void prepareRecovery() {
        if (quorum.hasQuorum()) {
            throw RequestException.conflict("this member reaches a quorum: nothing to recover; remove lost members "
                    + "with collective delete instead");
        }
        markRecovery(stateDir);
    }

    /** Leaves a note that the next start rebuilds a one-member collective from this copy. */
    public static void markRecovery(Path stateDir) {
        PrivateFiles.replace(stateDir.resolve(RECOVER_MARKER), new byte[0]);
    }

    /**
     * The first half of finishing a join or a recovery, before the peer starts: a joiner takes
     * the name, collective key and member pins of its enrollment and has its peer prepared for
     * the collective's ensemble; a recovering member has its peer prepared to run alone.
     *
     * @param configuredName the name in the configuration, unless a join saved another
     */
    public static Startup beforePeerStarts(Path stateDir, String configuredName, String ownFingerprint,
                                           LocalPeer peer) throws IOException {
        String name = savedName(stateDir).orElse(configuredName);
        Optional<PendingJoin> pending = PendingJoin.load(stateDir);
        boolean recovering = Files.exists(stateDir.resolve(RECOVER_MARKER));
        if (pending.isPresent()) {
            Enrollment enrollment = pending.get().enrollment();
            name = enrollment.name();
            saveName(stateDir, name);
            CollectiveKey.replace(stateDir, enrollment.collectiveKey());
            List<String> pins = new ArrayList<>(List.of(ownFingerprint));
            enrollment.members().forEach(m -> pins.add(m.fingerprint()));
            MemberPins.save(stateDir, pins);
            peer.prepareJoin(enrollment.serverId(), pending.get().endpoints(), enrollment.ensemble().stream()
                    .map(QuorumServer::parse).flatMap(Optional::stream).toList());
            LOG.info("joining the collective as {} (ZooKeeper server {})", name, enrollment.serverId());
        } else if (recovering) {
            peer.prepareRecovery();
        }
        return new Startup(stateDir, name, pending, recovering);
    }

    /**
     * A start that may finish a join or a recovery.
     *
     * @param name       this member's name from now on
     * @param pending    the join to finish, if any
     * @param recovering whether this start recovers alone
     */
    public record Startup(Path stateDir, String name, Optional<PendingJoin> pending, boolean recovering) {

        /** The certificates this member trusts until its store takes over: its own, and the saved pins. */
        public List<String> pins(String ownFingerprint) throws IOException {
            List<String> pins = new ArrayList<>(List.of(ownFingerprint));
            // A recovering member trusts nobody else: the others come back by invitation.
            if (!recovering) {
                pins.addAll(MemberPins.saved(stateDir));
            }
            return pins;
        }

        /**
         * The running peer's server: a joiner is an observer with the ports it told the
         * collective until {@link #afterStoreOpens} admits it.
         */
        public QuorumServer ownServer(LocalPeer peer, String address) throws IOException {
            if (pending.isPresent()) {
                JoinEndpoints endpoints = pending.get().endpoints();
                return new QuorumServer(pending.get().enrollment().serverId(), address, endpoints.quorumPort(),
                        endpoints.electionPort(), QuorumRole.OBSERVER, "");
            }
            return peer.ownServer();
        }

        /** The second half, once the store is open: the ensemble admits a joiner; a recovered member forgets the others. */
        public void afterStoreOpens(Membership membership, MemberInfo self, QuorumServer own) throws Exception {
            if (pending.isPresent()) {
                MemberRole role = membership.admit(self, own, pending.get().enrollment().replacedServerId());
                PendingJoin.clear(stateDir);
                LOG.info("joined the collective as {} ({})", name, role);
            } else if (recovering) {
                membership.forgetOthers(self);
                Files.delete(stateDir.resolve(RECOVER_MARKER));
                LOG.warn("recovered: {} is now a collective of one; invite the other members again", name);
            }
        }
    }

    private static Optional<String> savedName(Path stateDir) throws IOException {
        Path file = stateDir.resolve(NAME_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    /** A joiner takes the name in its invitation, for good: it is its identity in the collective. */
    private static void saveName(Path stateDir, String name) {
        PrivateFiles.replace(stateDir.resolve(NAME_FILE), (name + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
