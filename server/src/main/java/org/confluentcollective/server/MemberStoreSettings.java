package org.confluentcollective.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a member reaches its database.
 *
 * @param connectString        the local ZooKeeper peer's client address
 * @param stateDir             the member's private state directory (collective key, certificate)
 * @param sessionTimeout       ZooKeeper session timeout; after it a silent member is presumed dead
 * @param passwordIterations   PBKDF2 iterations for API user passwords
 */
public record MemberStoreSettings(String connectString, Path stateDir, Duration sessionTimeout,
                                  int passwordIterations) {

    public MemberStoreSettings {
        Objects.requireNonNull(connectString, "connectString");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    }

    public static MemberStoreSettings of(String connectString, Path stateDir) {
        return new MemberStoreSettings(connectString, stateDir, Duration.ofSeconds(10), 210_000);
    }

    public MemberStoreSettings withPasswordIterations(int iterations) {
        return new MemberStoreSettings(connectString, stateDir, sessionTimeout, iterations);
    }
}
