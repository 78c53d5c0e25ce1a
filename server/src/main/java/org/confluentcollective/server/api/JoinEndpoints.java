package org.confluentcollective.server.api;

/**
 * The ports a joiner tells the collective.
 *
 * @param address      where other members reach the joiner
 * @param httpsPort    HTTPS API
 * @param memberPort   member API
 * @param quorumPort   ZooKeeper quorum port
 * @param electionPort ZooKeeper election port
 * @param clientPort   ZooKeeper TLS client port
 */
public record JoinEndpoints(String address, int httpsPort, int memberPort, int quorumPort, int electionPort,
                            int clientPort) {
}
