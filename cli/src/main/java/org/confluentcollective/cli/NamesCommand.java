package org.confluentcollective.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.confluentcollective.cli.output.Answers;
import org.confluentcollective.cli.transport.ApiException;
import org.confluentcollective.cli.transport.ConnectionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code _names nodes|groups|attributes}: the names bash completion offers, one per line. They come
 * from a cache ({@code $XDG_CACHE_HOME/confluentctl/KIND}, else {@code ~/.cache/confluentctl/KIND})
 * while it is younger than {@link #MAX_AGE}; otherwise from confluentd, and the cache is rewritten.
 * It never prompts for a password; when confluentd cannot be asked, an older cache is used still.
 */
@Command(name = "_names", hidden = true,
        description = "Prints node, group or attribute names for shell completion (cached for 60 s).")
public final class NamesCommand extends ApiCommand {

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** What can be completed, and where confluentd lists it. */
    enum Kind {
        nodes, groups, attributes
    }

    @Parameters(index = "0", paramLabel = "KIND", description = "nodes, groups or attributes")
    private Kind kind;

    @Override
    public Integer call() throws CliException, ApiException, ConnectionException {
        Path cache = cacheDirectory().resolve(kind.name());
        if (isFresh(cache)) {
            print(cache);
            return ExitCode.OK;
        }
        List<String> names;
        try {
            invocation().neverPrompt();
            names = fetch();
        } catch (CliException | ApiException | ConnectionException e) {
            if (Files.isRegularFile(cache)) {
                print(cache);
                return ExitCode.OK;
            }
            throw e;
        }
        write(cache, names);
        names.forEach(output()::line);
        return ExitCode.OK;
    }

    private Path cacheDirectory() {
        Environment environment = invocation().environment();
        return environment.variable("XDG_CACHE_HOME").map(Path::of)
                .orElse(environment.home().resolve(".cache")).resolve("confluentctl");
    }

    private static boolean isFresh(Path cache) {
        try {
            Instant written = Files.getLastModifiedTime(cache).toInstant();
            Duration age = Duration.between(written, Instant.now());
            return !age.isNegative() && age.compareTo(MAX_AGE) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> fetch() throws CliException, ApiException, ConnectionException {
        return switch (kind) {
            case nodes -> Answers.itemNames(api().get("/nodes/"));
            case groups -> Answers.itemNames(api().get("/nodegroups/"));
            case attributes -> attributeNames(api().get("/nodegroups/everything/attributes/all"));
        };
    }

    /** The catalog's names: every attribute of a group's {@code all} view, unset ones included. */
    private static List<String> attributeNames(JsonNode view) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = view.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.startsWith("_")) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    private void print(Path cache) throws CliException {
        try {
            Files.readAllLines(cache, StandardCharsets.UTF_8).forEach(output()::line);
        } catch (IOException e) {
            throw new CliException("cannot read " + cache + ": " + e.getMessage());
        }
    }

    /** Written aside and moved into place, so a completion running meanwhile never reads half a list. */
    private void write(Path cache, List<String> names) {
        try {
            Files.createDirectories(cache.getParent());
            Path partial = Files.createTempFile(cache.getParent(), kind.name(), ".partial");
            Files.write(partial, names, StandardCharsets.UTF_8);
            try {
                Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            output().warning(null, "cannot cache names in " + cache.getParent() + ": " + e.getMessage());
        }
    }
}
