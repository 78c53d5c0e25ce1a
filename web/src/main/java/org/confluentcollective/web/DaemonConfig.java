package org.confluentcollective.web;

import java.nio.file.Path;
import java.util.Objects;
import org.confluentcollective.hardware.HardwareSettings;

/**
 * Everything one confluentd member needs to start. Ports of 0 pick a free port (tests,
 * benchmarks); {@link Confluentd} reports the ones it got.
 *
 * @param stateDir            private state: ZooKeeper data, member key and certificate
 * @param memberName          this member's name in the collective and in its certificate
 * @param httpsAddress        address the HTTPS API binds to
 * @param httpsPort           HTTPS API port
 * @param socketPath          the local root socket
 * @param zooKeeperAddress    address the ZooKeeper quorum and election ports bind to
 * @param zooKeeperClientPort ZooKeeper client port, always on loopback
 * @param zooKeeperQuorumPort ZooKeeper quorum port
 * @param zooKeeperElectionPort ZooKeeper leader election port
 * @param memberPort          member-to-member API port (mutual TLS, pinned member certificates),
 *                            bound to the ZooKeeper address
 * @param maxVoters           members beyond this many voters join as non-voting observers
 * @param failoverBatch       nodes per change when manager failover or a rebalance moves nodes
 * @param hardware            hardware management timeouts and parallelism
 * @param deploy              the deployment services (HTTP boot, DHCP, TFTP) and root
 */
public record DaemonConfig(Path stateDir, String memberName, String httpsAddress, int httpsPort,
                           Path socketPath, String zooKeeperAddress, int zooKeeperClientPort,
                           int zooKeeperQuorumPort, int zooKeeperElectionPort, int memberPort, int maxVoters,
                           int failoverBatch, HardwareSettings hardware, DeploySettings deploy) {

    public DaemonConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(socketPath, "socketPath");
        Objects.requireNonNull(httpsAddress, "httpsAddress");
        Objects.requireNonNull(zooKeeperAddress, "zooKeeperAddress");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(deploy, "deploy");
        if (memberName == null || memberName.isBlank()) {
            throw new IllegalArgumentException("a member name is required");
        }
        if (maxVoters < 1) {
            throw new IllegalArgumentException("collective.max.voters must be at least 1, not " + maxVoters);
        }
        if (failoverBatch < 1) {
            throw new IllegalArgumentException("collective.failover.batch must be at least 1, not " + failoverBatch);
        }
        for (int port : new int[] {httpsPort, zooKeeperClientPort, zooKeeperQuorumPort, zooKeeperElectionPort,
            memberPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** A builder with test-friendly defaults: loopback only, every port picked freely. */
    public static Builder builder(Path stateDir, String memberName) {
        return new Builder(stateDir, memberName);
    }

    public static final class Builder {
        private final Path stateDir;
        private final String memberName;
        private String httpsAddress = "127.0.0.1";
        private int httpsPort;
        private Path socketPath;
        private String zooKeeperAddress = "127.0.0.1";
        private int zooKeeperClientPort;
        private int zooKeeperQuorumPort;
        private int zooKeeperElectionPort;
        private int memberPort;
        private int maxVoters = 5;
        private int failoverBatch = 500;
        private HardwareSettings hardware = HardwareSettings.DEFAULTS;
        private DeploySettings deploy;

        private Builder(Path stateDir, String memberName) {
            this.stateDir = stateDir;
            this.memberName = memberName;
            this.socketPath = stateDir.resolve("run").resolve("api.sock");
            // Beside the state directory, not in it: the member makes its state private at each start.
            this.deploy = DeploySettings.loopback(stateDir.resolveSibling(stateDir.getFileName() + "-deploy"));
        }

        public Builder httpsAddress(String address) {
            this.httpsAddress = address;
            return this;
        }

        public Builder httpsPort(int port) {
            this.httpsPort = port;
            return this;
        }

        public Builder socketPath(Path path) {
            this.socketPath = path;
            return this;
        }

        public Builder zooKeeperAddress(String address) {
            this.zooKeeperAddress = address;
            return this;
        }

        public Builder zooKeeperPorts(int client, int quorum, int election) {
            this.zooKeeperClientPort = client;
            this.zooKeeperQuorumPort = quorum;
            this.zooKeeperElectionPort = election;
            return this;
        }

        public Builder memberPort(int port) {
            this.memberPort = port;
            return this;
        }

        public Builder maxVoters(int voters) {
            this.maxVoters = voters;
            return this;
        }

        public Builder failoverBatch(int nodes) {
            this.failoverBatch = nodes;
            return this;
        }

        public Builder hardware(HardwareSettings settings) {
            this.hardware = settings;
            return this;
        }

        public Builder deploy(DeploySettings settings) {
            this.deploy = settings;
            return this;
        }

        public DaemonConfig build() {
            return new DaemonConfig(stateDir, memberName, httpsAddress, httpsPort, socketPath,
                    zooKeeperAddress, zooKeeperClientPort, zooKeeperQuorumPort, zooKeeperElectionPort, memberPort,
                    maxVoters, failoverBatch, hardware, deploy);
        }
    }
}
