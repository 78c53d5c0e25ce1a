package org.confluentcollective.server.api;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A joining member's proof, as the inviting member received it over TLS.
 *
 * @param name           the name the token invites
 * @param proof          {@code HMAC(verifier, inviter cert || joiner cert)} as the joiner computed it
 * @param version        the confluentd version the joiner runs
 * @param joinerCert     the client certificate the joiner presented on this TLS session
 * @param inviterCert    this member's own certificate, the one the joiner saw
 * @param address        where other members reach the joiner (quorum, election, APIs)
 * @param httpsPort      the joiner's HTTPS API port
 * @param memberPort     the joiner's member API port
 * @param quorumPort     the joiner's ZooKeeper quorum port
 * @param electionPort   the joiner's ZooKeeper election port
 * @param clientPort     the joiner's ZooKeeper TLS client port
 */
public record EnrollRequest(String name, byte[] proof, String version, X509Certificate joinerCert,
                            X509Certificate inviterCert, String address, int httpsPort, int memberPort,
                            int quorumPort, int electionPort, int clientPort) {

    public EnrollRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(inviterCert, "inviterCert");
        Objects.requireNonNull(address, "address");
    }
}
