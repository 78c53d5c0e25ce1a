package org.confluentcollective.cli.output;

import java.util.Locale;

/** How answers are printed: lines for people, or the server's JSON for scripts. */
public enum OutputFormat {
    TEXT, JSON;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
