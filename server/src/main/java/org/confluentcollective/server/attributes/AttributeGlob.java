package org.confluentcollective.server.attributes;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A shell-style attribute name pattern: {@code *} matches any text, dots included. */
public record AttributeGlob(String pattern, Pattern regex) {

    public static AttributeGlob of(String pattern) {
        String regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return new AttributeGlob(pattern, Pattern.compile(regex));
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    public static boolean isGlob(String pattern) {
        return pattern.contains("*");
    }
}
