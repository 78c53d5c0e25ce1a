package org.confluentcollective.hardware;

import java.time.Duration;
import java.util.Objects;

/**
 * How hardware management treats BMCs.
 *
 * @param exchangeTimeout how long one exchange with a BMC may take (login, a command)
 * @param nodeTimeout     how long one node's whole operation may take; past it the node answers
 *                        an error and its worker is freed
 * @param parallelism     how many nodes are worked on at once, whatever the number of nodes asked
 */
public record HardwareSettings(Duration exchangeTimeout, Duration nodeTimeout, int parallelism) {

    public static final HardwareSettings DEFAULTS =
            new HardwareSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 64);

    public HardwareSettings {
        Objects.requireNonNull(exchangeTimeout, "exchangeTimeout");
        Objects.requireNonNull(nodeTimeout, "nodeTimeout");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }
}
