package org.confluentcollective.web.api;

import java.security.cert.X509Certificate;
import java.time.Duration;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.collective.EnrollRequest;
import org.confluentcollective.server.collective.Enrollment;
import org.confluentcollective.server.collective.InviteToken;

/** What the collective resources ask of the running member: membership changes. */
public interface CollectiveAdministration {

    /** This member's certificate, the one joiners see on its HTTPS port. */
    X509Certificate certificate();

    InviteToken invite(String name, Duration ttl, String invitedBy);

    Enrollment enroll(EnrollRequest request);

    /**
     * Enrolls with the member at {@code server}, then restarts this member into the collective
     * (it answers before the restart).
     */
    void join(String server, String token);

    void delete(String name);

    /** Rebuilds a one-member collective from this member's copy, restarting it. */
    void recover();

    /**
     * Where the local ZooKeeper peer listens and the client settings file (TLS with this
     * member's key) that ZooKeeper's own shell can use.
     */
    ZooKeeperShell zooKeeperShell();

    /** @param connectString host:port of the TLS client port; @param clientConfiguration the settings file */
    record ZooKeeperShell(String connectString, String clientConfiguration) {
    }

    /** For API tests without a collective: every change is refused. */
    static CollectiveAdministration unavailable() {
        RequestException refusal = new RequestException(RequestException.Kind.UNAVAILABLE,
                "collective administration is not available here");
        return new CollectiveAdministration() {
            @Override
            public X509Certificate certificate() {
                throw refusal;
            }

            @Override
            public InviteToken invite(String name, Duration ttl, String invitedBy) {
                throw refusal;
            }

            @Override
            public Enrollment enroll(EnrollRequest request) {
                throw refusal;
            }

            @Override
            public void join(String server, String token) {
                throw refusal;
            }

            @Override
            public void delete(String name) {
                throw refusal;
            }

            @Override
            public void recover() {
                throw refusal;
            }

            @Override
            public ZooKeeperShell zooKeeperShell() {
                throw refusal;
            }
        };
    }
}
