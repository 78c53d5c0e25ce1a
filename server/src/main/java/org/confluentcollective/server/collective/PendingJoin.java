package org.confluentcollective.server.collective;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.confluentcollective.server.api.Enrollment;
import org.confluentcollective.server.api.JoinEndpoints;
import org.confluentcollective.server.secrets.PrivateFiles;

/**
 * A join accepted by the collective but not finished here yet: saved (owner-only, it holds the
 * collective key) before the member restarts into the collective's ensemble, and removed once
 * the ensemble has admitted it. A member that crashes in between finishes the join on its next
 * start.
 *
 * @param enrollment what the inviting member sent
 * @param endpoints  the ports this member told the collective
 */
public record PendingJoin(Enrollment enrollment, JoinEndpoints endpoints) {

    public static final String FILE_NAME = "join.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public void save(Path stateDir) {
        try {
            PrivateFiles.replace(stateDir.resolve(FILE_NAME), JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the pending join", e);
        }
    }

    public static Optional<PendingJoin> load(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(PrivateFiles.readPrivate(file), PendingJoin.class));
    }

    public static void clear(Path stateDir) throws IOException {
        Files.deleteIfExists(stateDir.resolve(FILE_NAME));
    }
}
