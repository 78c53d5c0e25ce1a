package org.confluentcollective.hardware.bmc;

/** Whether the system is powered, as the REST API and the CLI print it. */
public enum PowerState {
    ON, OFF;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
