package org.confluentcollective.cli.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends JSON requests to confluentd over its Unix socket or HTTPS and returns the JSON answers.
 * Error statuses become {@link ApiException}s carrying the server's error text.
 */
public final class ApiClient implements AutoCloseable {

    /** Also the longest silence within an answer; answers about many nodes are streamed. */
    static final long ANSWER_TIMEOUT_MS = 600_000;

    /**
     * How long confluentd may take to take a connection: a daemon that does not even do that is
     * hung or gone, unlike one slow to answer, which may be working for minutes.
     */
    static final long CONNECT_TIMEOUT_MS = 10_000;

    /** Set by confluentd on answers served while it has no quorum. */
    static final String STALE_HEADER = "X-Confluent-Stale";

    /**
     * The longest request target sent: confluentd refuses a request line over 8 KiB (414, docs/api.md),
     * and this leaves room for the method and the protocol version around the target.
     */
    static final int MAX_TARGET = 8192 - 32;

    private final HttpTransport http;
    private final Endpoint endpoint;
    private final Optional<Credentials> credentials;
    private final ObjectMapper mapper;
    private final Failures failures;
    private final PrintWriter notices;
    private boolean warnedStale;

    private ApiClient(HttpTransport http, Endpoint endpoint, Optional<Credentials> credentials, ObjectMapper mapper,
                      PrintWriter notices) {
        this.http = http;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.mapper = mapper;
        this.failures = new Failures(endpoint);
        this.notices = notices;
    }

    /** A client for the local socket: no credentials, the daemon trusts its local peer. */
    public static ApiClient overUnixSocket(Endpoint.UnixSocket endpoint, ObjectMapper mapper, PrintWriter notices)
            throws ConnectionException {
        new Failures(endpoint).checkSocketUsable();
        return new ApiClient(new UnixSocketTransport(endpoint, CONNECT_TIMEOUT_MS, ANSWER_TIMEOUT_MS), endpoint, Optional.empty(), mapper, notices);
    }

    /** A client for a member's HTTPS port, trusting only the certificate {@code pinning} accepts. */
    public static ApiClient overHttps(Endpoint.Https endpoint, Optional<Credentials> credentials,
                                      CertificatePinning pinning, ObjectMapper mapper, PrintWriter notices)
            throws ConnectionException {
        return new ApiClient(JettyTransport.start(endpoint, pinning), endpoint, credentials, mapper, notices);
    }

    public JsonNode get(String path) throws ApiException, ConnectionException {
        return send("GET", path, null);
    }

    public JsonNode put(String path, JsonNode body) throws ApiException, ConnectionException {
        return send("PUT", path, body);
    }

    public JsonNode post(String path, JsonNode body) throws ApiException, ConnectionException {
        return send("POST", path, body);
    }

    public JsonNode delete(String path) throws ApiException, ConnectionException {
        return send("DELETE", path, null);
    }

    /**
     * Reads a {@code 2xx} answer as it arrives, with {@code reader} pulling from a JSON parser over the
     * response body, so an answer about many nodes never has to be held whole (docs/api.md: such
     * answers are streamed). An error status is read whole and thrown as an {@link ApiException}, as
     * by {@link #get}. An answer that breaks off midway (the server cut the connection, or the body
     * ends before the JSON does) is a {@link ConnectionException} saying so; whatever {@code reader}
     * did with the part before stays done.
     */
    public <T> T getStreamed(String path, AnswerReader<T> reader) throws ApiException, ConnectionException {
        return stream("GET", path, null, reader);
    }

    /** {@link #getStreamed} for a {@code PUT}: the change is made before the first byte of the answer. */
    public <T> T putStreamed(String path, JsonNode body, AnswerReader<T> reader)
            throws ApiException, ConnectionException {
        return stream("PUT", path, body, reader);
    }

    /** Consumes an answer from a parser positioned before its first token. */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(JsonParser answer) throws IOException;
    }

    private JsonNode send(String method, String path, JsonNode body) throws ApiException, ConnectionException {
        boolean change = isChange(method, path);
        if (change) {
            WritesInFlight.begin();
        }
        try {
            HttpTransport.Answer answer = open(method, path, body);
            try (InputStream content = answer.content()) {
                byte[] bytes = content.readAllBytes();
                return interpret(answer, bytes);
            } catch (IOException e) {
                throw failures.brokenAnswer(e);
            }
        } finally {
            if (change) {
                WritesInFlight.end();
            }
        }
    }

    private <T> T stream(String method, String path, JsonNode body, AnswerReader<T> reader)
            throws ApiException, ConnectionException {
        boolean change = isChange(method, path);
        if (change) {
            WritesInFlight.begin();
        }
        try {
            return streamAnswer(method, path, body, reader);
        } finally {
            if (change) {
                WritesInFlight.end();
            }
        }
    }

    private <T> T streamAnswer(String method, String path, JsonNode body, AnswerReader<T> reader)
            throws ApiException, ConnectionException {
        HttpTransport.Answer answer = open(method, path, body);
        InputStream content = answer.content();
        try {
            if (!successful(answer.status())) {
                byte[] bytes;
                try {
                    bytes = content.readAllBytes();
                } catch (IOException e) {
                    throw failures.brokenAnswer(e);
                }
                throw error(answer, bytes);
            }
            warnIfStale(answer);
            try (JsonParser parser = mapper.createParser(content)) {
                return reader.read(parser);
            } catch (JsonEOFException e) {
                throw failures.brokenStreamedAnswer(e); // the body ended before the JSON did
            } catch (JsonProcessingException e) {
                throw failures.unreadableAnswer(e);
            } catch (IOException e) {
                throw failures.brokenStreamedAnswer(e); // the connection was cut
            }
        } finally {
            closeQuietly(content); // gives up the rest of an answer not read to its end
        }
    }

    /** Every request but a read; an expression's evaluation is a POST that changes nothing. */
    private static boolean isChange(String method, String path) {
        return !method.equals("GET") && !path.endsWith("/attributes/expression");
    }

    private static void closeQuietly(InputStream content) {
        try {
            content.close();
        } catch (IOException e) {
            // the answer is done with either way
        }
    }

    /** Sends the request and waits for the status and headers; the body is then read from the answer's content. */
    private HttpTransport.Answer open(String method, String path, JsonNode body)
            throws ApiException, ConnectionException {
        if (path.length() > MAX_TARGET) {
            throw new ApiException(414, "the request is too long to send: its path is " + path.length()
                    + " characters once encoded, and confluentd accepts at most 8 KiB in a request line"
                    + " (a noderange of at most 8,192 characters, fewer when it holds characters that must be"
                    + " percent-encoded); shorten the noderange with ranges or groups (n[1-1000], a group name)"
                    + " or split the command");
        }
        String authorization = credentials.map(Credentials::basicAuthorization).orElse(null);
        return http.open(method, path, authorization, body == null ? null : toJson(body));
    }

    private JsonNode interpret(HttpTransport.Answer answer, byte[] bytes) throws ApiException {
        int status = answer.status();
        if (successful(status)) {
            warnIfStale(answer);
            JsonNode json = parse(bytes);
            return json == null ? mapper.createObjectNode() : json;
        }
        throw error(answer, bytes);
    }

    private ApiException error(HttpTransport.Answer answer, byte[] bytes) {
        warnIfStale(answer);
        JsonNode json = parse(bytes);
        return new ApiException(answer.status(), errorText(answer.status(), answer.reason(), json, bytes),
                suggestions(json));
    }

    /** The names the server suggests instead of an unknown one ({@code "suggestions":[...]}), if any. */
    private static List<String> suggestions(JsonNode json) {
        List<String> names = new ArrayList<>();
        if (json != null && json.path("suggestions").isArray()) {
            json.get("suggestions").forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    private void warnIfStale(HttpTransport.Answer answer) {
        if ("true".equals(answer.staleHeader()) && !warnedStale) {
            // Lock-down (design.md §2): say so once, on stderr, so scripts still parse stdout.
            warnedStale = true;
            notices.println("Warning: this member has no quorum: what it shows may be stale, and changes are refused");
            notices.flush();
        }
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String errorText(int status, String reason, JsonNode json, byte[] bytes) {
        if (json != null && json.hasNonNull("error")) {
            return json.get("error").asText();
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (!text.isEmpty() && !text.startsWith("<")) {
            return text;
        }
        return status + (reason == null || reason.isEmpty() ? "" : " " + reason);
    }

    private byte[] toJson(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the request body", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
