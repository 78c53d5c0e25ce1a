package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.confluentcollective.server.api.ArchiveReport;
import org.confluentcollective.server.api.DatabaseArchive;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.web.auth.Allowed;
import org.confluentcollective.web.auth.Permission;
import org.confluentcollective.web.json.JsonBodyProvider;

/**
 * Online backup (docs/api.md): {@code POST /collective/dump}, {@code POST /collective/restore} and
 * {@code POST /collective/import}, administrators only. A restore or an import carries a whole
 * database, so it may be larger than the API's 1 MiB limit: up to {@link #MAX_ARCHIVE_BYTES}.
 */
public final class ArchiveResource {

    /** Bodies of restore and import: a dump of about 100,000 nodes (docs/operations.md). */
    public static final long MAX_ARCHIVE_BYTES = 256L * 1024 * 1024;

    private static final Set<String> DUMP_KEYS = Set.of("passphrase", "redact");
    private static final Set<String> RESTORE_KEYS = Set.of("files", "passphrase", "merge");

    private ArchiveResource() {
    }

    /** {@code POST /collective/dump {"passphrase": ...} | {"redact": true}} → {@code {"files": {name: text}}}. */
    @Path("collective/dump")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ADMINISTER)
    @Singleton
    public static final class Dump {
        private final DatabaseArchive archive;

        @Inject
        public Dump(DatabaseArchive archive) {
            this.archive = archive;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public ObjectNode dump(JsonNode body) {
            ObjectNode request = checkedKeys(Bodies.object(body), DUMP_KEYS);
            boolean redact = request.path("redact").asBoolean(false);
            char[] passphrase = passphrase(request);
            if (redact == (passphrase != null)) {
                throw RequestException.badRequest("give either a passphrase (secrets sealed with it) or redact: true"
                        + " (secrets left out)");
            }
            SortedMap<String, String> files;
            try {
                files = archive.dump(passphrase);
            } finally {
                clear(passphrase);
            }
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ObjectNode json = answer.putObject("files");
            files.forEach(json::put);
            return answer;
        }
    }

    /** {@code POST /collective/restore {"files": {...}, "passphrase": ..., "merge": false}} → the report. */
    @Path("collective/restore")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ADMINISTER)
    @Singleton
    public static final class Restore {
        private final DatabaseArchive archive;
        private final JsonBodyProvider reader;

        @Inject
        public Restore(DatabaseArchive archive, JsonBodyProvider reader) {
            this.archive = archive;
            this.reader = reader;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public ObjectNode restore(InputStream body, @Context HttpHeaders headers) throws IOException {
            return load(reader, body, headers, false, archive::restore);
        }
    }

    /** {@code POST /collective/import {"files": {"main.json": ...}, "passphrase": ..., "merge": true}}. */
    @Path("collective/import")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Permission.ADMINISTER)
    @Singleton
    public static final class Import {
        private final DatabaseArchive archive;
        private final JsonBodyProvider reader;

        @Inject
        public Import(DatabaseArchive archive, JsonBodyProvider reader) {
            this.archive = archive;
            this.reader = reader;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public ObjectNode importConfluent(InputStream body, @Context HttpHeaders headers) throws IOException {
            return load(reader, body, headers, true, archive::importConfluent);
        }
    }

    /** A restore or an import, as {@link DatabaseArchive} offers them. */
    private interface Loading {
        ArchiveReport load(Map<String, String> files, char[] passphrase, boolean merge);
    }

    /** Reads and checks the body, loads its files and clears the passphrase, whatever happens. */
    private static ObjectNode load(JsonBodyProvider reader, InputStream body, HttpHeaders headers,
                                   boolean mergeByDefault, Loading loading) throws IOException {
        ObjectNode request = checkedKeys(Bodies.object(reader.readLimited(body, headers.getRequestHeaders(),
                MAX_ARCHIVE_BYTES)), RESTORE_KEYS);
        char[] passphrase = passphrase(request);
        try {
            return report(loading.load(files(request), passphrase, request.path("merge").asBoolean(mergeByDefault)));
        } finally {
            clear(passphrase);
        }
    }

    private static Map<String, String> files(ObjectNode request) {
        JsonNode files = request.path("files");
        if (!files.isObject()) {
            throw RequestException.badRequest("'files' must be an object of file name → file text");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            if (!file.getValue().isTextual()) {
                throw RequestException.badRequest("file " + file.getKey() + " must be given as text");
            }
            texts.put(file.getKey(), file.getValue().textValue());
        }
        return texts;
    }

    private static char[] passphrase(ObjectNode request) {
        JsonNode value = request.get("passphrase");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw RequestException.badRequest("'passphrase' must be a non-empty text");
        }
        return value.textValue().toCharArray();
    }

    private static void clear(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static ObjectNode report(ArchiveReport report) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode counts = answer.putObject("counts");
        report.counts().forEach(counts::put);
        ArrayNode skipped = answer.putArray("skipped");
        report.skipped().forEach(skipped::add);
        ArrayNode notes = answer.putArray("notes");
        report.notes().forEach(notes::add);
        return answer;
    }

    private static ObjectNode checkedKeys(ObjectNode body, Set<String> allowed) {
        for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                throw RequestException.badRequest("unknown key '" + key + "'");
            }
        }
        return body;
    }
}
