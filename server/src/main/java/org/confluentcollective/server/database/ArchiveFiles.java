package org.confluentcollective.server.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.confluentcollective.server.api.RequestException;

/** The files of an uploaded dump (ours or the original's), read strictly. */
final class ArchiveFiles {

    private ArchiveFiles() {
    }

    /**
     * The file {@code name} as a JSON object, or null when the dump has no such file.
     *
     * @throws RequestException BAD_REQUEST naming the file when it is not a JSON object
     */
    static JsonNode object(ObjectMapper mapper, Map<String, String> files, String name) {
        String text = files.get(name);
        if (text == null) {
            return null;
        }
        try {
            JsonNode json = mapper.readTree(text);
            if (json == null || !json.isObject()) {
                throw RequestException.badRequest(name + " is not a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw RequestException.badRequest(name + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
