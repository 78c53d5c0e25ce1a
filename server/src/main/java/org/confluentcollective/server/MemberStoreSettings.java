package org.confluentcollective.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.confluentcollective.server.collective.MemberInfo;

/**
 * How a member reaches its database, and who it is in the collective.
 *
 * @param member               this member as the collective registers it
 * @param connectString        the local ZooKeeper peer's client address
 * @param stateDir             the member's private state directory (collective key, certificate)
 * @param sessionTimeout       ZooKeeper session timeout; after it a silent member is presumed dead
 * @param passwordIterations   PBKDF2 iterations for API user passwords
 */
public record MemberStoreSettings(MemberInfo member, String connectString, Path stateDir, Duration sessionTimeout,
                                  int passwordIterations) {

    public MemberStoreSettings {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(connectString, "connectString");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
    }

    /** A member named {@code member} on loopback; see {@link #withMember} for the real identity. */
    public static MemberStoreSettings of(String connectString, Path stateDir) {
        return new MemberStoreSettings(new MemberInfo("member", "127.0.0.1", "voter", "", "unknown"),
                connectString, stateDir, Duration.ofSeconds(10), 210_000);
    }

    public MemberStoreSettings withMember(MemberInfo newMember) {
        return new MemberStoreSettings(newMember, connectString, stateDir, sessionTimeout, passwordIterations);
    }

    public MemberStoreSettings withPasswordIterations(int iterations) {
        return new MemberStoreSettings(member, connectString, stateDir, sessionTimeout, iterations);
    }
}
