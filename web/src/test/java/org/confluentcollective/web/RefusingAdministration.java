package org.confluentcollective.web;

import java.security.cert.X509Certificate;
import java.time.Duration;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.api.EnrollRequest;
import org.confluentcollective.server.api.Enrollment;
import org.confluentcollective.server.api.InviteToken;
import org.confluentcollective.server.api.CollectiveAdministration;

/** For API tests without a collective: every change is refused. */
final class RefusingAdministration implements CollectiveAdministration {

    private static RequestException refusal() {
        return new RequestException(RequestException.Kind.UNAVAILABLE,
                "collective administration is not available here");
    }

    @Override
    public X509Certificate certificate() {
        throw refusal();
    }

    @Override
    public InviteToken invite(String name, Duration ttl, String invitedBy) {
        throw refusal();
    }

    @Override
    public Enrollment enroll(EnrollRequest request) {
        throw refusal();
    }

    @Override
    public void join(String server, String token) {
        throw refusal();
    }

    @Override
    public void delete(String name) {
        throw refusal();
    }

    @Override
    public void recover() {
        throw refusal();
    }

    @Override
    public void restart() {
        throw refusal();
    }

    @Override
    public ZooKeeperShell zooKeeperShell() {
        throw refusal();
    }
}
