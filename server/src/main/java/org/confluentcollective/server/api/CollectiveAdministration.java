package org.confluentcollective.server.api;

import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * Membership changes of the running member, as the transports ask for them (the collective
 * resources): the collective does the work; the member adds what only it knows (its ports, how
 * it restarts).
 */
public interface CollectiveAdministration {

    /** This member's certificate, the one joiners see on its HTTPS port. */
    X509Certificate certificate();

    InviteToken invite(String name, Duration ttl, String invitedBy);

    Enrollment enroll(EnrollRequest request);

    /**
     * Enrolls with the member at {@code server}; a {@link #restart} then takes this member into
     * the collective.
     */
    void join(String server, String token);

    void delete(String name);

    /** Prepares to rebuild a one-member collective from this member's copy at the next {@link #restart}. */
    void recover();

    /** Restarts this member, finishing a prepared join or recovery; called once the answer is written. */
    void restart();

    /**
     * Where the local ZooKeeper peer listens and the client settings file (TLS with this
     * member's key) that ZooKeeper's own shell can use.
     */
    ZooKeeperShell zooKeeperShell();

    /** @param connectString host:port of the TLS client port; @param clientConfiguration the settings file */
    record ZooKeeperShell(String connectString, String clientConfiguration) {
    }
}
