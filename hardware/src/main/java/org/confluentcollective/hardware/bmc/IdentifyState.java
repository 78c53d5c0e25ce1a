package org.confluentcollective.hardware.bmc;

/** The locating light, as the REST API and the CLI print it ({@code on}, {@code off}, {@code blink}). */
public enum IdentifyState {
    ON, OFF, BLINK;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
