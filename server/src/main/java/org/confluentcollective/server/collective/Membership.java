package org.confluentcollective.server.collective;

import org.confluentcollective.server.api.MemberInfo;
import org.confluentcollective.server.api.MemberRole;
import org.confluentcollective.server.quorum.QuorumWatch;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.zk.QuorumRole;
import org.confluentcollective.zk.QuorumServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to who is in the ZooKeeper ensemble, each one dynamic reconfiguration against the
 * version it was planned from (a concurrent change makes it plan again): admitting a joiner
 * as a voter while voters are fewer than the maximum and as an observer otherwise, deleting a
 * member (promoting an observer into a freed voting seat), and forgetting every other member
 * after a forced recovery. Reconfiguration sends the full server list, because members have no
 * plaintext client port and ZooKeeper's incremental form insists on one.
 */
public final class Membership {

    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    private static final Duration RECONFIG_DEADLINE = Duration.ofSeconds(60);

    private final CuratorFramework curator;
    private final CollectivePaths paths;
    private final QuorumWatch quorum;
    private final String selfName;
    private final int maxVoters;
    private final ObjectMapper json = new ObjectMapper();

    public Membership(CuratorFramework curator, CollectivePaths paths, QuorumWatch quorum, String selfName,
                      int maxVoters) {
        if (maxVoters < 1) {
            throw new IllegalArgumentException("at least one voter is needed, not " + maxVoters);
        }
        this.curator = curator;
        this.paths = paths;
        this.quorum = quorum;
        this.selfName = selfName;
        this.maxVoters = maxVoters;
    }

    /**
     * Run by a joiner whose peer already serves as a non-voting follower: adds it to the
     * ensemble (replacing the stale member of the same name, if any) and records its role.
     *
     * @return {@link MemberRole#VOTER} or {@link MemberRole#OBSERVER}
     */
    public MemberRole admit(MemberInfo self, QuorumServer ownServer, int replacedServerId) throws Exception {
        long deadline = System.nanoTime() + RECONFIG_DEADLINE.toNanos();
        while (true) {
            Ensemble ensemble = Ensemble.read(curator);
            List<QuorumServer> servers = new ArrayList<>();
            for (QuorumServer server : ensemble.servers()) {
                if (server.id() != replacedServerId && server.id() != ownServer.id()) {
                    servers.add(server);
                }
            }
            long voters = servers.stream().filter(QuorumServer::votes).count();
            QuorumServer admitted = ownServer.withRole(voters < maxVoters ? QuorumRole.PARTICIPANT
                    : QuorumRole.OBSERVER);
            servers.add(admitted);
            if (reconfigure(servers, ensemble, deadline)) {
                MemberRole role = MemberRole.of(admitted.role());
                curator.setData().forPath(paths.member(self.name()), json.writeValueAsBytes(self.withRole(role)));
                LOG.info("admitted to the ensemble as {} (server {})", role, ownServer.id());
                return role;
            }
        }
    }

    /**
     * Removes a member: out of the ensemble, out of the registry (so every member stops trusting
     * its certificate), its liveness and any pending invitation for its name. If it voted and an
     * observer exists, the first observer is promoted into its seat.
     */
    public void delete(String name) {
        MemberNames.check(name);
        quorum.requireQuorum();
        if (name.equals(selfName)) {
            throw new RequestException(RequestException.Kind.CONFLICT, "a member cannot delete itself: run "
                    + "'collective delete " + name + "' on another member");
        }
        try {
            MemberInfo victim;
            try {
                victim = json.readValue(curator.getData().forPath(paths.member(name)), MemberInfo.class);
            } catch (KeeperException.NoNodeException e) {
                throw RequestException.notFound(name + " is not a recognized collective member");
            }
            Optional<String> promoted = removeFromEnsemble(victim.serverId());
            List<CuratorOp> ops = new ArrayList<>();
            ops.add(curator.transactionOp().delete().forPath(paths.member(name)));
            if (curator.checkExists().forPath(paths.live(name)) != null) {
                ops.add(curator.transactionOp().delete().forPath(paths.live(name)));
            }
            if (curator.checkExists().forPath(paths.invite(name)) != null) {
                ops.add(curator.transactionOp().delete().forPath(paths.invite(name)));
            }
            if (promoted.isPresent()) {
                MemberInfo observer = json.readValue(curator.getData().forPath(paths.member(promoted.get())),
                        MemberInfo.class);
                ops.add(curator.transactionOp().setData().forPath(paths.member(promoted.get()),
                        json.writeValueAsBytes(observer.withRole(MemberRole.VOTER))));
            }
            curator.transaction().forOperations(ops);
            LOG.warn("deleted member {} (server {}){}", name, victim.serverId(),
                    promoted.map(p -> "; promoted " + p + " to voter").orElse(""));
        } catch (RequestException e) {
            throw e;
        } catch (Exception e) {
            throw WriteFailures.of("delete " + name, e);
        }
    }

    /** @return the name of the observer promoted into the freed voting seat, if any */
    private Optional<String> removeFromEnsemble(int serverId) throws Exception {
        long deadline = System.nanoTime() + RECONFIG_DEADLINE.toNanos();
        while (true) {
            Ensemble ensemble = Ensemble.read(curator);
            Optional<QuorumServer> leaving = ensemble.server(serverId);
            if (leaving.isEmpty()) {
                return Optional.empty();
            }
            List<QuorumServer> servers = new ArrayList<>(ensemble.servers());
            servers.remove(leaving.get());
            Optional<QuorumServer> promoted = Optional.empty();
            if (leaving.get().votes() && servers.stream().filter(QuorumServer::votes).count() < maxVoters) {
                promoted = firstObserver(servers);
                promoted.ifPresent(o -> servers.set(servers.indexOf(o), o.withRole(QuorumRole.PARTICIPANT)));
            }
            if (servers.stream().noneMatch(QuorumServer::votes)) {
                throw new RequestException(RequestException.Kind.CONFLICT,
                        "deleting server " + serverId + " would leave the collective without a voter");
            }
            if (reconfigure(servers, ensemble, deadline)) {
                return promoted.isEmpty() ? Optional.empty() : memberWithServerId(promoted.get().id());
            }
        }
    }

    /** The live observer with the lowest server id, else any observer: the one promoted. */
    private Optional<QuorumServer> firstObserver(List<QuorumServer> servers) throws Exception {
        Set<Integer> live = new HashSet<>();
        for (String name : curator.getChildren().forPath(paths.liveParent())) {
            memberInfo(name).ifPresent(m -> live.add(m.serverId()));
        }
        return servers.stream().filter(s -> !s.votes())
                .sorted((a, b) -> a.id() - b.id())
                .sorted((a, b) -> Boolean.compare(live.contains(b.id()), live.contains(a.id())))
                .findFirst();
    }

    private Optional<String> memberWithServerId(int serverId) throws Exception {
        for (String name : curator.getChildren().forPath(paths.members())) {
            Optional<MemberInfo> info = memberInfo(name);
            if (info.isPresent() && info.get().serverId() == serverId) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private Optional<MemberInfo> memberInfo(String name) throws Exception {
        try {
            return Optional.of(json.readValue(curator.getData().forPath(paths.member(name)), MemberInfo.class));
        } catch (KeeperException.NoNodeException gone) {
            return Optional.empty();
        }
    }

    /**
     * After {@code collective recover --force}: this member is the whole ensemble now, so every
     * other member's registry entry, liveness and invitation is dropped (their certificates stop
     * being trusted); they come back by being invited again.
     */
    public void forgetOthers(MemberInfo self) throws Exception {
        for (String name : curator.getChildren().forPath(paths.members())) {
            if (!name.equals(self.name())) {
                deleteIfExists(paths.member(name));
                deleteIfExists(paths.live(name));
            }
        }
        if (curator.checkExists().forPath(paths.invites()) != null) {
            for (String name : curator.getChildren().forPath(paths.invites())) {
                deleteIfExists(paths.invite(name));
            }
        }
        curator.setData().forPath(paths.member(self.name()), json.writeValueAsBytes(self.withRole(MemberRole.VOTER)));
        LOG.warn("recovered alone: forgot every other member");
    }

    private void deleteIfExists(String path) throws Exception {
        try {
            curator.delete().forPath(path);
        } catch (KeeperException.NoNodeException gone) {
            // already gone
        }
    }

    /** @return false if the configuration changed meanwhile (plan again) */
    private boolean reconfigure(List<QuorumServer> servers, Ensemble from, long deadline) throws Exception {
        List<String> lines = servers.stream().map(QuorumServer::line).toList();
        try {
            curator.reconfig().withNewMembers(lines).fromConfig(from.version()).forEnsemble();
            LOG.info("ensemble reconfigured: {}", lines);
            return true;
        } catch (KeeperException.BadVersionException | KeeperException.NewConfigNoQuorum
                 | KeeperException.ReconfigInProgress e) {
            if (System.nanoTime() > deadline) {
                throw new RequestException(RequestException.Kind.UNAVAILABLE,
                        "the ensemble could not be reconfigured in time: " + e.getMessage(), e);
            }
            Thread.sleep(250);
            return false;
        }
    }
}
