package org.confluentcollective.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.client.ZKClientConfig;
import org.confluentcollective.hardware.HardwareService;
import org.confluentcollective.hardware.bmc.BmcConnector;
import org.confluentcollective.hardware.ipmi.IpmiBmcConnector;
import org.confluentcollective.hardware.redfish.RedfishConnector;
import org.confluentcollective.server.Member;
import org.confluentcollective.server.MemberSettings;
import org.confluentcollective.server.api.MemberPart;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.RunningMember;
import org.confluentcollective.server.api.UserDirectory;
import org.confluentcollective.web.api.ApiApplication;
import org.confluentcollective.web.channel.HttpsMemberChannel;
import org.confluentcollective.web.channel.HttpsMemberForwarder;
import org.confluentcollective.web.transport.ApiServer;
import org.confluentcollective.web.transport.ApiServerSettings;
import org.confluentcollective.web.transport.TlsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * confluentd: one member of the collective. The member itself (ZooKeeper peer, store, collective,
 * request routing) is composed in server ({@link Member}); this daemon reads the configuration and
 * hands the member what only it knows how to build: the HTTPS member channel and forwarder, the
 * hardware service, and as service parts the deployment services (HTTP boot port, TFTP, DHCP) and
 * the API (Jetty + Jersey).
 */
public final class Confluentd implements AutoCloseable {

    public static final String VERSION = "0.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(Confluentd.class);
    /** What a forwarded share may take beyond its nodes' own deadline: the hop and the manager's queue. */
    private static final Duration FORWARDING_MARGIN = Duration.ofSeconds(5);

    private final Member member;
    private final DeploymentServices deployment;
    /** Set while the member starts its services. */
    private volatile ApiServer api;

    private Confluentd(DaemonConfig config) throws Exception {
        MemberSettings settings = new MemberSettings(config.stateDir(), config.memberName(),
                config.zooKeeperAddress(), config.zooKeeperClientPort(), config.zooKeeperQuorumPort(),
                config.zooKeeperElectionPort(), config.httpsPort(), config.memberPort(), config.maxVoters(), VERSION,
                config.hardware().nodeTimeout().plus(FORWARDING_MARGIN), config.failoverBatch(),
                config.deploy().root());
        deployment = new DeploymentServices(config.deploy(), config.stateDir(), Clock.systemUTC());
        List<MemberPart<?>> services = new ArrayList<>(deployment.parts());
        services.add(running -> {
            api = api(running, config, deployment);
            return api;
        });
        member = Member.start(settings, new Member.Parts(HttpsMemberChannel::new, HttpsMemberForwarder::new,
                running -> hardware(running, config), services));
        LOG.info("confluentd {} member {} serving https://{}:{}/, the member API on {}:{}, {} and deployment "
                        + "HTTP on {}:{} with certificate {}", VERSION, member.name(), config.httpsAddress(),
                api.httpsPort(), config.zooKeeperAddress(), api.memberPort(), api.socketPath(),
                config.deploy().httpAddress(), deployment.httpPort(), fingerprint());
    }

    /** This member's nodes through their BMCs: the IPMI and Redfish connectors and the hardware service. */
    private static HardwareService hardware(RunningMember member, DaemonConfig config) throws Exception {
        BmcConnector ipmi = member.start("IPMI", IpmiBmcConnector::new);
        BmcConnector redfish = member.start("Redfish", () -> new RedfishConnector(new ObjectMapper()));
        return member.start("hardware management", () -> new HardwareService(member.nodes(),
                Map.of("ipmi", ipmi, "redfish", redfish), config.hardware()));
    }

    /** The API: HTTPS, the member port and the local socket, over the running member. */
    private static ApiServer api(RunningMember member, DaemonConfig config, DeploymentServices deployment)
            throws Exception {
        char[] password = randomPassword();
        ApiServer server = member.start("API", () -> ApiServer.start(
                new ApiServerSettings(config.httpsAddress(), config.httpsPort(), config.socketPath(),
                        new TlsIdentity(member.credentials().keyStore(password), password),
                        config.zooKeeperAddress(), config.memberPort(), member.memberTrust()),
                ports -> ApiApplication.builder()
                        .database(member.nodes())
                        .users(member.users())
                        .quorum(member.quorum())
                        .collective(member.collective())
                        .administration(member.administration(ports.https(), ports.member()))
                        .managers(member.managers())
                        .operations(member.nodeOperations())
                        .version(VERSION)
                        .znodes(member.znodes())
                        .archive(member.archive())
                        .deployment(member.profiles(), member.deployment(), config.deploy().ipxeDirectory(), deployment)
                        .discovery(deployment.discovery())
                        .build()));
        // A dropped pin (a deleted member, a replaced certificate) also ends its open member API connections.
        member.onUnpin(server::closeUntrustedMemberConnections);
        return server;
    }

    /**
     * Starts a member, first finishing a join or a recovery its last run prepared; on failure
     * whatever had started is closed again.
     */
    public static Confluentd start(DaemonConfig config) throws Exception {
        return new Confluentd(config);
    }

    /** The deployment HTTP port (boot scripts, profile files, the nodes' own calls). */
    public int deploymentHttpPort() {
        return deployment.httpPort();
    }

    public int httpsPort() {
        return api.httpsPort();
    }

    public Path socketPath() {
        return api.socketPath();
    }

    /** This member's certificate fingerprint ({@code sha256:<hex>}), what clients pin. */
    public String fingerprint() {
        return member.credentials().fingerprint();
    }

    public NodeDatabase database() {
        return member.nodes();
    }

    public UserDirectory users() {
        return member.users();
    }

    /** The embedded ZooKeeper's client address (benchmarks compare against raw ZooKeeper). */
    public String zooKeeperConnectString() {
        return member.zooKeeperConnectString();
    }

    /** TLS settings for a raw ZooKeeper client of this member (benchmarks). */
    public ZKClientConfig zooKeeperClientConfig() {
        return member.zooKeeperClientConfig();
    }

    public int memberPort() {
        return api.memberPort();
    }

    /** Closes the API, request routing, hardware, the store and ZooKeeper, in that order; later calls do nothing. */
    @Override
    public void close() throws Exception {
        member.close();
    }

    /**
     * Blocks until {@link #close()} has finished.
     *
     * @return whether the member closed to restart (after a join or a recovery)
     */
    public boolean awaitClosed() throws InterruptedException {
        return member.awaitClosed();
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }

    /**
     * {@code confluentd [--config PATH] [--recover-alone]}. {@code --recover-alone} is
     * {@code collective recover --force} for a survivor that cannot even start, because a member
     * only serves once it reaches a quorum: it starts as a collective of one from its own copy.
     */
    public static void main(String[] args) {
        Optional<Path> configFile;
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean recoverAlone = arguments.remove("--recover-alone");
        try {
            configFile = configFile(arguments.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("confluentd: " + e.getMessage());
            System.err.println("usage: confluentd [--config PATH] [--recover-alone]");
            System.exit(2);
            return;
        }
        DaemonConfig config;
        try {
            config = DaemonProperties.toConfig(DaemonProperties.load(configFile, System.getProperties()));
        } catch (RuntimeException e) {
            System.err.println("confluentd: " + e.getMessage());
            System.exit(2);
            return;
        }
        Optional<String> conflict = ListeningPorts.firstConflict(ListeningPorts.of(config));
        if (conflict.isPresent()) {
            LOG.error("confluentd could not start: {}", conflict.get());
            System.exit(1);
            return;
        }
        if (recoverAlone) {
            Member.markRecovery(config.stateDir());
        }
        AtomicReference<Confluentd> current = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Confluentd daemon = current.get();
            if (daemon != null) {
                try {
                    daemon.close();
                } catch (Exception e) {
                    LOG.error("confluentd did not stop cleanly", e);
                }
            }
        }, "confluentd-shutdown"));
        boolean restart = true;
        while (restart) {
            try {
                current.set(start(config));
            } catch (Exception e) {
                if (causedBy(e, java.net.BindException.class)) {
                    // taken since the check above: the ports are named, a trace would not name them
                    LOG.error("confluentd could not start: cannot listen on one of its ports ({}): address already"
                            + " in use; see api.https.port, member.port and zookeeper.*.port", e.getMessage());
                } else {
                    LOG.error("confluentd could not start: {}", e.toString(), e);
                }
                System.exit(1);
                return;
            }
            try {
                restart = current.get().awaitClosed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (restart) {
                LOG.info("confluentd restarting");
            }
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Path> configFile(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args.length == 2 && args[0].equals("--config")) {
            return Optional.of(Path.of(args[1]));
        }
        if (args.length == 1 && args[0].startsWith("--config=")) {
            return Optional.of(Path.of(args[0].substring("--config=".length())));
        }
        throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", args));
    }
}
