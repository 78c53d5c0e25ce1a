package org.confluentcollective.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Duration;
import org.confluentcollective.server.api.RequestException;

/**
 * The only JSON reader and writer of the API (Jersey's Jackson feature is not used), so that
 * body size and parse errors are answered in the API's own terms.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class JsonBodyProvider implements MessageBodyReader<JsonNode>, MessageBodyWriter<Object> {

    private final ObjectMapper mapper = JsonMapper.builder()
            // A repeated key is ambiguous input (which value wins?), so it is refused.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Jersey owns the response stream and closes it itself.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // A streamed answer that fails midway must stay truncated, not be closed into valid JSON.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)
            .build();
    private final long maxBodyBytes;
    private final Duration bodyDeadline;

    /** @param bodyDeadline how long a body may take to arrive in full; a slower one gets 408 */
    public JsonBodyProvider(long maxBodyBytes, Duration bodyDeadline) {
        this.maxBodyBytes = maxBodyBytes;
        this.bodyDeadline = bodyDeadline;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonNode.class;
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> type, Type genericType, Annotation[] annotations,
                             MediaType mediaType, MultivaluedMap<String, String> headers,
                             InputStream body) throws IOException {
        // Refuse early when the client announces too much; the counting stream catches liars.
        if (declaredLength(headers) > maxBodyBytes) {
            // A client waiting for "100 Continue" has not sent the body: nothing to discard.
            boolean waiting = "100-continue".equalsIgnoreCase(headers.getFirst("Expect"));
            throw LimitedInputStream.tooLarge(waiting ? InputStream.nullInputStream() : body, maxBodyBytes);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(new LimitedInputStream(body, maxBodyBytes, bodyDeadline));
        } catch (JsonProcessingException e) {
            throw RequestException.badRequest("malformed JSON: " + describe(e));
        } catch (IOException | RuntimeException e) {
            // Failures of the connection or of Jetty's parsing of the body, not of the server.
            throw BodyReadFailure.of(e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw RequestException.badRequest("the request body is empty; a JSON object is expected");
        }
        BodyText.check(tree);
        return tree;
    }

    /**
     * Reads a body like {@link #readFrom} but with its own limit: for the few requests that may
     * carry more than the API's usual limit (a restore of a whole database).
     */
    public JsonNode readLimited(InputStream body, MultivaluedMap<String, String> headers, long limit)
            throws IOException {
        return new JsonBodyProvider(limit, bodyDeadline).readFrom(JsonNode.class, JsonNode.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, headers, body);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return true;
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers,
                        OutputStream out) throws IOException {
        if (value instanceof JsonStream stream) {
            try (JsonGenerator json = mapper.createGenerator(out)) {
                stream.writeTo(json);
            }
        } else {
            mapper.writeValue(out, value);
        }
    }

    private static long declaredLength(MultivaluedMap<String, String> headers) {
        String value = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String problem = e.getOriginalMessage();
        if (where == null || where.getLineNr() < 0) {
            return problem;
        }
        return problem + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
}
