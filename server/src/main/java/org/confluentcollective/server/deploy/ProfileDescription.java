package org.confluentcollective.server.deploy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.confluentcollective.server.api.DeploymentProfile;
import org.confluentcollective.server.api.RequestException;

/**
 * A profile's {@code profile.yaml}: flat {@code key: value} lines (the subset of YAML the original's
 * profile.yaml uses for these keys), {@code #} comments, values optionally quoted. {@code kernel}
 * and {@code initrd} are required; {@code name} defaults to the directory's name; other keys
 * (the original's {@code label}, {@code ostype}) are allowed and ignored.
 */
final class ProfileDescription {

    static final String FILE = "profile.yaml";
    /** Names of profiles and of their files: one path segment, nothing that climbs out. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");
    static final int MAX_BYTES = 64 * 1024;
    private static final Set<String> KNOWN = Set.of("name", "kernel", "initrd", "kernelargs");

    private ProfileDescription() {
    }

    static DeploymentProfile parse(String text, String defaultName) {
        Map<String, String> values = new HashMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw RequestException.badRequest(FILE + " line " + number + ": expected 'key: value'");
            }
            String key = trimmed.substring(0, colon).strip();
            if (KNOWN.contains(key) && values.put(key, unquote(trimmed.substring(colon + 1).strip())) != null) {
                throw RequestException.badRequest(FILE + " line " + number + ": " + key + " given twice");
            }
        }
        String name = Optional.ofNullable(values.get("name")).filter(v -> !v.isEmpty()).orElse(defaultName);
        DeploymentProfile profile = new DeploymentProfile(name, required(values, "kernel"), required(values, "initrd"),
                values.getOrDefault("kernelargs", ""));
        check("profile name", profile.name());
        check("kernel", profile.kernel());
        check("initrd", profile.initrd());
        if (profile.kernelArgs().chars().anyMatch(c -> c < 0x20)) {
            throw RequestException.badRequest(FILE + ": kernelargs must be one line");
        }
        return profile;
    }

    static String render(DeploymentProfile profile) {
        return "name: " + profile.name() + "\nkernel: " + profile.kernel() + "\ninitrd: " + profile.initrd()
                + "\nkernelargs: \"" + profile.kernelArgs() + "\"\n";
    }

    static void check(String what, String value) {
        if (!NAME.matcher(value).matches() || value.equals(FILE)) {
            throw RequestException.badRequest(what + " '" + value + "' must be a plain file name (letters, digits, "
                    + "'.', '_', '+', '-'; not " + FILE + ")");
        }
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw RequestException.badRequest(FILE + ": " + key + " is missing");
        }
        return value;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
