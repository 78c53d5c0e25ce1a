package org.confluentcollective.server.api;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The one spelling of MAC addresses deployment compares ({@code aa:bb:cc:dd:ee:ff}): attributes
 * are typed by hand in many forms, packets carry bytes.
 */
public final class MacAddress {

    private MacAddress() {
    }

    /** Accepts 12 hex digits separated by nothing, {@code :}, {@code -} or {@code .}; empty otherwise. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder hex = new StringBuilder(12);
        for (char c : text.trim().toCharArray()) {
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                hex.append(c);
            } else if (c != ':' && c != '-' && c != '.') {
                return Optional.empty();
            }
        }
        if (hex.length() != 12) {
            return Optional.empty();
        }
        return Optional.of(format(HexFormat.of().parseHex(hex)));
    }

    /** The spelling of six bytes. */
    public static String format(byte[] mac) {
        return HexFormat.ofDelimiter(":").formatHex(mac, 0, 6).toLowerCase(Locale.ROOT);
    }
}
