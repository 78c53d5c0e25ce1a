package org.confluentcollective.zk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How quickly the peer gives up on a silent leader or follower, and the settings that keep
 * the replacement from stalling. ZooKeeper's defaults wait {@code syncLimit} ticks before
 * calling a paused or cut-off leader dead and then block up to as long again closing its TLS
 * socket; with these a paused or partitioned leader is replaced in about 4 to 7 s and a killed
 * one in 1 to 3 s on loopback (docs/operations.md, the fault suite measures it).
 *
 * <p>A stall longer than {@code syncLimit} ticks (a GC pause, a starved CPU) starts an
 * election: that is the price of quick failover, and why the limit is 4 ticks and not 2.
 */
final class FailoverTimings {

    /** A silent peer is dropped after this many ticks. */
    static final int SYNC_LIMIT_TICKS = 4;
    /** A follower's first sync (a snapshot of the whole tree for a new member) may take this long. */
    static final int INIT_LIMIT_TICKS = 30;
    /** Connecting to a new leader, TLS handshake included. */
    static final int CONNECT_TO_LEADER_TICKS = 5;

    /**
     * JVM-wide settings, read by ZooKeeper's classes when they load (one peer per JVM). The
     * asynchronous closes stop a TLS close_notify to a silent peer from blocking the election
     * (the ZooKeeper admin guide recommends them with sslQuorum); the rest bound the waits of
     * a new leader and of the election's connections.
     */
    private static final List<Map.Entry<String, String>> SYSTEM_PROPERTIES = List.of(
            Map.entry("zookeeper.learner.closeSocketAsync", "true"),
            Map.entry("zookeeper.leader.closeSocketAsync", "true"),
            Map.entry("zookeeper.leader.maxTimeToWaitForEpoch", "2000"),
            Map.entry("zookeeper.fastleader.maxNotificationInterval", "2000"),
            Map.entry("zookeeper.cnxTimeout", "2000"),
            Map.entry("zookeeper.quorumCnxnTimeoutMs", "3000"));

    private FailoverTimings() {
    }

    /** Sets the JVM-wide properties unless the operator set them already. */
    static void installSystemProperties() {
        for (Map.Entry<String, String> property : SYSTEM_PROPERTIES) {
            if (System.getProperty(property.getKey()) == null) {
                System.setProperty(property.getKey(), property.getValue());
            }
        }
    }

    /** The zoo.cfg keys, written at first start and brought up to date at every start. */
    static Map<String, String> configuration(int tickMillis) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("tickTime", Integer.toString(tickMillis));
        keys.put("initLimit", Integer.toString(INIT_LIMIT_TICKS));
        keys.put("syncLimit", Integer.toString(SYNC_LIMIT_TICKS));
        keys.put("connectToLearnerMasterLimit", Integer.toString(CONNECT_TO_LEADER_TICKS));
        return keys;
    }
}
