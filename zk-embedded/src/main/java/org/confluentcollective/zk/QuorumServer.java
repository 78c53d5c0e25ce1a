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
 * @param role         whether it votes
 * @param clientPart   the plaintext client address after {@code ;}, or empty
 */
public record QuorumServer(int id, String address, int quorumPort, int electionPort, QuorumRole role, String clientPart) {

    private static final Pattern LINE = Pattern.compile(
            "server\\.(\\d+)=([^:;\\s]+):(\\d+):(\\d+)(?::(participant|observer))?(?:;(\\S*))?\\s*");

    public QuorumServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(clientPart, "clientPart");
        Objects.requireNonNull(role, "role");
    }

    /** Parses a {@code server.N=} line; other lines (such as {@code version=}) are not servers. */
    public static java.util.Optional<QuorumServer> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new QuorumServer(Integer.parseInt(m.group(1)), m.group(2),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                m.group(5) == null ? QuorumRole.PARTICIPANT : QuorumRole.ofLabel(m.group(5)).orElseThrow(), m.group(6) == null ? "" : m.group(6)));
    }

    public boolean votes() {
        return role == QuorumRole.PARTICIPANT;
    }

    public QuorumServer withRole(QuorumRole newRole) {
        return new QuorumServer(id, address, quorumPort, electionPort, newRole, clientPart);
    }

    /** The line as ZooKeeper's configuration and reconfig API take it. */
    public String line() {
        String base = "server.%d=%s:%d:%d:%s".formatted(id, address, quorumPort, electionPort, role.label());
        return clientPart.isEmpty() ? base : base + ";" + clientPart;
    }
}
