package org.confluentcollective.cli.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The certificates trusted on first use, one {@code HOST:PORT FINGERPRINT} line each, {@code #} comments;
 * by default {@code ~/.config/confluentctl/known_hosts}.
 */
public record KnownHosts(Path file) {

    public static KnownHosts inHome(Path home) {
        return new KnownHosts(home.resolve(".config").resolve("confluentctl").resolve("known_hosts"));
    }

    public Optional<Fingerprint> lookup(String authority) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        for (String line : readLines()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 2 && !fields[0].startsWith("#") && fields[0].equals(authority)) {
                try {
                    return Optional.of(Fingerprint.parse(fields[1]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("unreadable entry for " + authority + " in " + file
                            + ": " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    public void add(String authority, Fingerprint fingerprint) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, authority + " " + fingerprint + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the certificate in " + file, e);
        }
    }

    private List<String> readLines() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
