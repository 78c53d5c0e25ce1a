package org.confluentcollective.hardware.bmc;

import java.util.Locale;

/** A sensor's or a node's health, worst last. */
public enum Health {
    OK, WARNING, CRITICAL, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Health worse(Health other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
