package org.confluentcollective.web;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * The TCP ports confluentd listens on, each with the configuration key that sets it, checked before
 * anything starts: a port taken by another process is then one line naming the address, the port
 * and the key ({@code cannot listen on 0.0.0.0:4005 (api.https.port): address already in use}),
 * instead of a stack trace from whichever service met it first. A service that listens on a new
 * port (DHCP, TFTP) adds its key here.
 */
final class ListeningPorts {

    /** A port to be listened on, as configured. */
    record Port(String key, String address, int port) {
    }

    private ListeningPorts() {
    }

    static List<Port> of(DaemonConfig config) {
        return List.of(
                new Port("api.https.port", config.httpsAddress(), config.httpsPort()),
                new Port("member.port", config.zooKeeperAddress(), config.memberPort()),
                new Port("zookeeper.client.port", InetAddress.getLoopbackAddress().getHostAddress(),
                        config.zooKeeperClientPort()),
                new Port("zookeeper.quorum.port", config.zooKeeperAddress(), config.zooKeeperQuorumPort()),
                new Port("zookeeper.election.port", config.zooKeeperAddress(), config.zooKeeperElectionPort()));
    }

    /** The first port that cannot be listened on, said in one line; empty when all are free (port 0: any). */
    static Optional<String> firstConflict(List<Port> ports) {
        for (Port port : ports) {
            if (port.port() == 0) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true); // as the servers do: a connection in TIME_WAIT is no conflict
                socket.bind(new InetSocketAddress(port.address(), port.port()));
            } catch (BindException e) {
                return Optional.of(describe(port, e));
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                return Optional.of(describe(port, e));
            }
        }
        return Optional.empty();
    }

    private static String describe(Port port, Exception e) {
        String reason = e.getMessage() == null ? "refused" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        String address = port.address().contains(":") ? "[" + port.address() + "]" : port.address();
        return "cannot listen on " + address + ":" + port.port() + " (" + port.key() + "): " + reason;
    }
}
