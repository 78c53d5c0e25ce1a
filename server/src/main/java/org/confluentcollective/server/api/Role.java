package org.confluentcollective.server.api;

/** What an API user may do. */
public enum Role {
    /** Everything, including users and the collective. */
    ADMIN,
    /** Read and change nodes and groups. */
    OPERATOR,
    /** Read only. */
    MONITOR;

    public boolean mayWrite() {
        return this != MONITOR;
    }

    public boolean mayAdminister() {
        return this == ADMIN;
    }
}
