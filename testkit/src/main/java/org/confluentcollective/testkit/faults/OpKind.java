package org.confluentcollective.testkit.faults;

/** The operations clients run: writes on keys they own, reads of keys owned elsewhere. */
public enum OpKind {
    CREATE, SET, DELETE, READ, CONSISTENT_READ;

    public boolean isWrite() {
        return this == CREATE || this == SET || this == DELETE;
    }
}
