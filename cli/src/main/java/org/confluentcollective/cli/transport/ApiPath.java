package org.confluentcollective.cli.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Builds request paths; names and noderanges become single percent-encoded segments. */
public final class ApiPath {

    private ApiPath() {
    }

    /**
     * Percent-encodes everything but letters, digits, {@code -}, {@code _} and {@code .}, so a noderange
     * such as {@code n1,rack[1-2]/x} or {@code ~n.*} stays one segment. A segment made only of dots
     * is encoded too, so it is never taken for {@code .} or {@code ..}.
     */
    public static String segment(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty noderange or name names nothing: give at least one node or group");
        }
        boolean onlyDots = value.chars().allMatch(c -> c == '.');
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isLetterOrDigit(c) || c == '-' || c == '_' || (c == '.' && !onlyDots)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** {@code ?name=v1&name=v2}, or the empty string when there are no values. */
    public static String query(String name, List<String> values) {
        if (values.isEmpty()) {
            return "";
        }
        return values.stream().map(v -> segment(name) + "=" + segment(v))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static boolean isLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
