package org.confluentcollective.hardware.bmc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to open a node's BMC: where it is, who to log in as, how long each exchange
 * may take, and for TLS BMCs the pinned certificate fingerprint and where to pin it on first use.
 *
 * @param node        the node, for messages
 * @param pinned      {@code pubkeys.tls_hardwaremanager} ({@code sha512$<hex>} as the original stores it, or {@code sha256$<hex>}), if set
 * @param pinFirstUse called with the fingerprint of a BMC seen for the first time, to store it
 */
public record BmcTarget(String node, BmcEndpoint endpoint, String user, String password, Duration timeout,
                        Optional<String> pinned, CertificatePins pinFirstUse) {

    public BmcTarget {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(pinFirstUse, "pinFirstUse");
    }

    /** Stores the fingerprint of a BMC certificate seen for the first time. */
    @FunctionalInterface
    public interface CertificatePins {
        void pin(String node, String fingerprint);
    }

    @Override
    public String toString() {
        // never the password
        return "BmcTarget[" + node + " at " + endpoint + " as " + user + "]";
    }
}
