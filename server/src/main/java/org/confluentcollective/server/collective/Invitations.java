package org.confluentcollective.server.collective;

import org.confluentcollective.server.api.EnrollRequest;
import org.confluentcollective.server.api.Enrollment;
import org.confluentcollective.server.api.InviteToken;
import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.quorum.QuorumWatch;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.secrets.CollectiveKey;
import org.confluentcollective.server.secrets.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pending invitations, kept in the replicated database ({@code collective/invites/<name>}) so
 * that any member can issue one and any member can admit the joiner, across restarts. An
 * invitation holds only the token's verifier, sealed with the collective key (a copy of the
 * database alone cannot complete a join), and its expiry; it is consumed in the same atomic
 * write that registers the joiner, so a token works once even if two members race to admit it.
 * A wrong, expired or replayed token changes nothing.
 */
public final class Invitations {

    private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);
    /** The one answer to a wrong proof and to a name with no pending invitation. */
    private static final String INVALID_TOKEN = "invalid token";

    private final CuratorFramework curator;
    private final CollectivePaths paths;
    private final QuorumWatch quorum;
    private final CollectiveKey key;
    private final SecretCipher cipher;
    private final String version;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();

    public Invitations(CuratorFramework curator, CollectivePaths paths, QuorumWatch quorum, CollectiveKey key,
                       String version, Clock clock) {
        this.curator = curator;
        this.paths = paths;
        this.quorum = quorum;
        this.key = key;
        this.cipher = new SecretCipher(key);
        this.version = version;
        this.clock = clock;
    }

    /** The stored form of an invitation: never the secret, and the verifier only sealed. */
    record PendingInvite(String verifier, long expiresMillis, String invitedBy) {
    }

    private static String sealContext(String name) {
        return "collective/invites/" + name;
    }

    /**
     * Issues a one-time token for {@code name}, replacing any invitation pending for that name.
     * Inviting the name of an existing member is how a dead member is replaced.
     */
    public InviteToken invite(String name, Duration ttl, String invitedBy) {
        MemberNames.check(name);
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(InviteToken.MAX_TTL) > 0) {
            throw RequestException.badRequest("an invitation lives between 1 second and "
                    + InviteToken.MAX_TTL.toDays()
                    + " days, not " + ttl.toSeconds() + " s");
        }
        quorum.requireQuorum();
        InviteToken token = InviteToken.generate(name, random);
        PendingInvite pending = new PendingInvite(
                cipher.encrypt(Base64.getEncoder().encodeToString(token.verifier()), sealContext(name)),
                clock.millis() + ttl.toMillis(), invitedBy);
        try {
            byte[] data = json.writeValueAsBytes(pending);
            try {
                curator.create().creatingParentsIfNeeded().forPath(paths.invite(name), data);
            } catch (KeeperException.NodeExistsException pendingAlready) {
                curator.setData().forPath(paths.invite(name), data);
            }
        } catch (Exception e) {
            throw WriteFailures.of("store the invitation", e);
        }
        LOG.info("{} invited member {} (expires in {} s)", invitedBy, name, ttl.toSeconds());
        return token;
    }

    /**
     * Checks a joiner's proof and, if it holds, consumes the invitation and registers the joiner
     * (role {@code joining}) in one atomic write, then returns what the joiner needs.
     *
     * @throws RequestException FORBIDDEN for a wrong, expired or already used token, or a
     *     missing client certificate; CONFLICT when versions differ; UNAVAILABLE without quorum
     */
    public Enrollment enroll(EnrollRequest request) {
        quorum.requireQuorum();
        String name = MemberNames.check(request.name());
        if (request.joinerCert() == null) {
            throw forbidden("the joining member presented no client certificate");
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return tryEnroll(request, name);
            } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException raced) {
                if (attempt >= 20) {
                    throw new RequestException(RequestException.Kind.CONFLICT,
                            "too many concurrent joins; try again", raced);
                }
            } catch (RequestException e) {
                throw e;
            } catch (Exception e) {
                throw WriteFailures.of("admit " + name, e);
            }
        }
    }

    private Enrollment tryEnroll(EnrollRequest request, String name) throws Exception {
        Ensemble.awaitSync(curator, paths.invite(name));
        Stat inviteStat = new Stat();
        PendingInvite pending;
        try {
            pending = json.readValue(curator.getData().storingStatIn(inviteStat).forPath(paths.invite(name)),
                    PendingInvite.class);
        } catch (KeeperException.NoNodeException e) {
            // The same answer as for a wrong proof, so that nobody learns which names are invited.
            LOG.info("enrollment of {} refused: no pending invitation (it may have been used)", name);
            throw forbidden(INVALID_TOKEN);
        }
        byte[] verifier = Base64.getDecoder().decode(cipher.decrypt(pending.verifier(), sealContext(name)));
        if (!InviteToken.sameProof(InviteToken.proof(verifier, request.inviterCert(), request.joinerCert()),
                request.proof())) {
            LOG.info("enrollment of {} refused: the proof does not match the pending invitation", name);
            throw forbidden(INVALID_TOKEN);
        }
        if (clock.millis() > pending.expiresMillis()) {
            throw forbidden("the invitation for " + name + " expired at "
                    + Instant.ofEpochMilli(pending.expiresMillis()) + "; invite it again");
        }
        if (!version.equals(request.version())) {
            throw new RequestException(RequestException.Kind.CONFLICT, "version mismatch: the collective runs "
                    + "confluentd " + version + ", the joining member runs " + request.version()
                    + "; install the same version and join again");
        }

        Ensemble ensemble = Ensemble.read(curator);
        int replaced = 0;
        try {
            replaced = json.readValue(curator.getData().forPath(paths.member(name)), MemberInfo.class).serverId();
        } catch (KeeperException.NoNodeException firstTime) {
            // a new name
        }
        Stat idStat = new Stat();
        int serverId;
        boolean counterExists;
        try {
            serverId = Integer.parseInt(new String(curator.getData().storingStatIn(idStat)
                    .forPath(paths.nextServerId()), java.nio.charset.StandardCharsets.US_ASCII).trim());
            counterExists = true;
        } catch (KeeperException.NoNodeException first) {
            serverId = ensemble.highestId() + 1;
            counterExists = false;
        }
        serverId = Math.max(serverId, ensemble.highestId() + 1);
        byte[] next = Integer.toString(serverId + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        String joinerFingerprint = org.confluentcollective.server.trust.MemberIdentity.fingerprintOf(
                request.joinerCert());
        MemberInfo joiner = new MemberInfo(name, request.address(), MemberRole.JOINING, joinerFingerprint,
                request.version(), serverId, request.httpsPort(), request.memberPort());
        byte[] joinerEntry = json.writeValueAsBytes(joiner);

        List<CuratorOp> ops = new ArrayList<>();
        ops.add(curator.transactionOp().delete().withVersion(inviteStat.getVersion()).forPath(paths.invite(name)));
        ops.add(counterExists
                ? curator.transactionOp().setData().withVersion(idStat.getVersion()).forPath(paths.nextServerId(), next)
                : curator.transactionOp().create().forPath(paths.nextServerId(), next));
        ops.add(curator.checkExists().forPath(paths.member(name)) != null
                ? curator.transactionOp().setData().forPath(paths.member(name), joinerEntry)
                : curator.transactionOp().create().forPath(paths.member(name), joinerEntry));
        try {
            curator.transaction().forOperations(ops);
        } catch (KeeperException.NoNodeException used) {
            throw forbidden("invalid token: the invitation for " + name + " was used meanwhile");
        } catch (KeeperException.BadVersionException e) {
            // Either the invitation changed (re-invited or used) or another join took the id.
            if (curator.checkExists().forPath(paths.invite(name)) == null) {
                throw forbidden("invalid token: the invitation for " + name + " was used meanwhile");
            }
            throw e;
        }

        List<MemberInfo> members = new ArrayList<>();
        for (String member : curator.getChildren().forPath(paths.members())) {
            members.add(json.readValue(curator.getData().forPath(paths.member(member)), MemberInfo.class));
        }
        byte[] approval = InviteToken.proof(verifier, request.joinerCert(), request.inviterCert());
        LOG.info("admitted {} ({}) as ZooKeeper server {}{}", name, joinerFingerprint, serverId,
                replaced == 0 ? "" : ", replacing server " + replaced);
        return new Enrollment(name, serverId, approval, members, ensemble.lines(), replaced, key.exportBytes(),
                version);
    }

    private static RequestException forbidden(String message) {
        return new RequestException(RequestException.Kind.FORBIDDEN, message);
    }
}
