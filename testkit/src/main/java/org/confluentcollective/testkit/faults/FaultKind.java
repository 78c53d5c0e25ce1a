package org.confluentcollective.testkit.faults;

/** The faults the nemesis injects, each on the ZooKeeper leader or on a follower. */
public enum FaultKind {
    KILL_LEADER(Action.KILL, true),
    KILL_FOLLOWER(Action.KILL, false),
    PAUSE_LEADER(Action.PAUSE, true),
    PAUSE_FOLLOWER(Action.PAUSE, false),
    PARTITION_LEADER(Action.PARTITION, true),
    PARTITION_FOLLOWER(Action.PARTITION, false);

    /** kill -9 then restart; SIGSTOP then SIGCONT; cut off from the other members then joined again. */
    public enum Action { KILL, PAUSE, PARTITION }

    public final Action action;
    public final boolean leader;

    FaultKind(Action action, boolean leader) {
        this.action = action;
        this.leader = leader;
    }
}
