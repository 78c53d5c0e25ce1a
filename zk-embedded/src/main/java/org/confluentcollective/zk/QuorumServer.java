package org.confluentcollective.zk;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code server.N=...} line of a ZooKeeper dynamic configuration: a member's server id, the
 * address its quorum and election ports bind to, and whether it votes. With TLS members have no
 * plaintext client port, so their lines carry no client part ({@code ;address:port}).
 *
 * @param id           ZooKeeper server id (myid)
 * @param address      quorum and election address
 * @param quorumPort   port followers connect to the leader on
 * @param electionPort leader election port
 * @param role         {@code participant} (votes) or {@code observer}
 * @param clientPart   the plaintext client address after {@code ;}, or empty
 */
public record QuorumServer(int id, String address, int quorumPort, int electionPort, String role, String clientPart) {

    public static final String PARTICIPANT = "participant";
    public static final String OBSERVER = "observer";

    private static final Pattern LINE = Pattern.compile(
            "server\\.(\\d+)=([^:;\\s]+):(\\d+):(\\d+)(?::(participant|observer))?(?:;(\\S*))?\\s*");

    public QuorumServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(clientPart, "clientPart");
        if (!PARTICIPANT.equals(role) && !OBSERVER.equals(role)) {
            throw new IllegalArgumentException("role must be participant or observer, not " + role);
        }
    }

    /** Parses a {@code server.N=} line; other lines (such as {@code version=}) are not servers. */
    public static java.util.Optional<QuorumServer> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new QuorumServer(Integer.parseInt(m.group(1)), m.group(2),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                m.group(5) == null ? PARTICIPANT : m.group(5), m.group(6) == null ? "" : m.group(6)));
    }

    public boolean votes() {
        return PARTICIPANT.equals(role);
    }

    public QuorumServer withRole(String newRole) {
        return new QuorumServer(id, address, quorumPort, electionPort, newRole, clientPart);
    }

    /** The line as ZooKeeper's configuration and reconfig API take it. */
    public String line() {
        String base = "server.%d=%s:%d:%d:%s".formatted(id, address, quorumPort, electionPort, role);
        return clientPart.isEmpty() ? base : base + ";" + clientPart;
    }
}
