package org.confluentcollective.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.confluentcollective.dhcp.DhcpServer;
import org.confluentcollective.dhcp.DhcpSettings;
import org.confluentcollective.server.api.DiscoveredClient;
import org.confluentcollective.server.api.MemberPart;
import org.confluentcollective.server.api.PxeDiscovery;
import org.confluentcollective.server.api.RunningMember;
import org.confluentcollective.tftp.TftpServer;
import org.confluentcollective.tftp.TftpSettings;
import org.confluentcollective.web.api.ServiceReport;
import org.confluentcollective.web.boot.BootServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's deployment services as parts, in start order: the HTTP boot port (whose port the
 * DHCP answers name), TFTP, DHCP. The HTTP port failing stops the member as any part does; an
 * enabled TFTP or DHCP that cannot start (ports 67 and 69 need root) is logged once and left out,
 * so a member still serves its database; {@link #services()} tells why.
 */
final class DeploymentServices implements ServiceReport {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentServices.class);

    private final DeploySettings settings;
    private final Path stateDir;
    private final Clock clock;
    private volatile BootServer boot;
    private volatile String tftpState;
    private volatile String dhcpState;
    private volatile boolean dhcpRunning;
    private volatile DhcpServer dhcp;

    /** @param stateDir the member's private state, where DHCP keeps its discovery list */
    DeploymentServices(DeploySettings settings, Path stateDir, Clock clock) {
        this.settings = settings;
        this.stateDir = stateDir;
        this.clock = clock;
        this.tftpState = settings.tftpEnabled() ? "not started" : "disabled (tftp.enabled=false)";
        this.dhcpState = settings.dhcpEnabled() ? "not started" : "disabled (dhcp.enabled=false)";
    }

    List<MemberPart<?>> parts() {
        return List.of(this::startHttp, this::startTftp, this::startDhcp);
    }

    /** The bound deployment HTTP port, once started. */
    int httpPort() {
        return boot.port();
    }

    private Void startHttp(RunningMember member) throws Exception {
        boot = member.start("deployment HTTP", () -> BootServer.start(settings.httpAddress(), settings.httpPort(),
                member.deploymentView(), member.profiles(), member.deployment()));
        return null;
    }

    private Void startTftp(RunningMember member) {
        if (!settings.tftpEnabled()) {
            return null;
        }
        try {
            Files.createDirectories(member.profiles().tftpRoot());
            TftpServer server = member.start("TFTP", () -> {
                TftpServer tftp = new TftpServer(TftpSettings.defaults(member.profiles().tftpRoot())
                        .withBindAddress(InetAddress.getByName(settings.tftpAddress())).withPort(settings.tftpPort()));
                try {
                    tftp.start();
                } catch (Exception e) {
                    tftp.close();
                    throw e;
                }
                return tftp;
            });
            tftpState = "running on " + settings.tftpAddress() + ":" + server.port();
        } catch (Exception e) {
            tftpState = "not running: " + e.getMessage();
            LOG.error("TFTP is enabled but does not run (port {} needs root or CAP_NET_BIND_SERVICE): {}",
                    settings.tftpPort(), e.toString());
        }
        return null;
    }

    private Void startDhcp(RunningMember member) {
        if (!settings.dhcpEnabled()) {
            return null;
        }
        try {
            dhcp = member.start("DHCP", () -> new DhcpServer(member.deploymentView(),
                    DhcpSettings.defaults(stateDir).withPorts(settings.dhcpPort(), 68)
                            .withProxyPort(settings.dhcpProxyPort())
                            .withLoaders(member.profiles().tftpRoot(), settings.dhcpArm64BootFile())
                            .withInterfaces(settings.dhcpInterfaces()).withHttpPort(boot.port()), clock));
            dhcpRunning = true;
            dhcpState = "running on port " + settings.dhcpPort()
                    + (settings.dhcpProxyPort() > 0 ? " and proxyDHCP port " + settings.dhcpProxyPort() : "")
                    + ", interfaces "
                    + (settings.dhcpInterfaces().isEmpty() ? "all" : String.join(",", settings.dhcpInterfaces()));
        } catch (Exception e) {
            dhcpState = "not running: " + e.getMessage();
            LOG.error("DHCP is enabled but does not run (port {} needs root or CAP_NET_BIND_SERVICE): {}",
                    settings.dhcpPort(), e.toString());
        }
        return null;
    }

    /** The DHCP responder's discovery records ({@code /discovery/}); none while it does not run. */
    PxeDiscovery discovery() {
        return new PxeDiscovery() {
            private PxeDiscovery current() {
                DhcpServer server = dhcp;
                return server == null ? PxeDiscovery.NONE : server.discovery();
            }

            @Override
            public List<DiscoveredClient> list() {
                return current().list();
            }

            @Override
            public Optional<DiscoveredClient> find(String mac) {
                return current().find(mac);
            }

            @Override
            public String assign(String mac, String node) {
                return current().assign(mac, node);
            }

            @Override
            public boolean forget(String mac) {
                return current().forget(mac);
            }
        };
    }

    @Override
    public ObjectNode services() {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putObject("http").put("address", settings.httpAddress()).put("port", boot == null ? 0 : boot.port());
        answer.putObject("tftp").put("state", tftpState).put("root", settings.root().resolve("tftp").toString());
        answer.putObject("dhcp").put("state", dhcpState);
        answer.put("deployroot", settings.root().toString());
        return answer;
    }

    @Override
    public boolean servesDhcp(String interfaceName) {
        return dhcpRunning && (settings.dhcpInterfaces().isEmpty() || settings.dhcpInterfaces().contains(interfaceName));
    }
}
