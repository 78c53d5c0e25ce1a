package org.confluentcollective.hardware.bmc;

/**
 * A power change a BMC carries out. {@code boot} (on when off, reset when on) is decided above
 * the BMC, from the state it reads first.
 */
public enum PowerAction {
    ON, OFF, RESET, SHUTDOWN, DIAG;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
