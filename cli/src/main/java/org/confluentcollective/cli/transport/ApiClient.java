package org.confluentcollective.cli.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Sends JSON requests to confluentd over its Unix socket or HTTPS and returns the JSON answers.
 * Error statuses become {@link ApiException}s carrying the server's error text.
 */
public final class ApiClient implements AutoCloseable {

    private static final long CONNECT_TIMEOUT_MS = 10_000;
    /** Also the longest silence within an answer; answers about many nodes are streamed. */
    private static final long ANSWER_TIMEOUT_MS = 600_000;

    /** Set by confluentd on answers served while it has no quorum. */
    private static final String STALE_HEADER = "X-Confluent-Stale";

    private final HttpClient http;
    private final Endpoint endpoint;
    private final Optional<Credentials> credentials;
    private final ObjectMapper mapper;
    private final Failures failures;
    private final PrintWriter notices;
    private boolean warnedStale;

    private ApiClient(HttpClient http, Endpoint endpoint, Optional<Credentials> credentials, ObjectMapper mapper,
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
        return start(new HttpClient(), endpoint, Optional.empty(), mapper, notices);
    }

    /** A client for a member's HTTPS port, trusting only the certificate {@code pinning} accepts. */
    public static ApiClient overHttps(Endpoint.Https endpoint, Optional<Credentials> credentials,
                                      CertificatePinning pinning, ObjectMapper mapper, PrintWriter notices)
            throws ConnectionException {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(pinnedContext(pinning));
        tls.setEndpointIdentificationAlgorithm(null); // the pinned fingerprint identifies the member
        HttpClient http = new HttpClient();
        http.setSslContextFactory(tls);
        return start(http, endpoint, credentials, mapper, notices);
    }

    private static ApiClient start(HttpClient http, Endpoint endpoint, Optional<Credentials> credentials,
                                   ObjectMapper mapper, PrintWriter notices) throws ConnectionException {
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setFollowRedirects(false);
        http.setUserAgentField(null);
        try {
            http.start();
        } catch (Exception e) {
            throw new ConnectionException("cannot start the HTTP client: " + e.getMessage(), e);
        }
        return new ApiClient(http, endpoint, credentials, mapper, notices);
    }

    private static SSLContext pinnedContext(CertificatePinning pinning) throws ConnectionException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinningTrustManager(pinning)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConnectionException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public JsonNode get(String path) throws ApiException, ConnectionException {
        return send(HttpMethod.GET, path, null);
    }

    public JsonNode put(String path, JsonNode body) throws ApiException, ConnectionException {
        return send(HttpMethod.PUT, path, body);
    }

    public JsonNode post(String path, JsonNode body) throws ApiException, ConnectionException {
        return send(HttpMethod.POST, path, body);
    }

    public JsonNode delete(String path) throws ApiException, ConnectionException {
        return send(HttpMethod.DELETE, path, null);
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
        return stream(HttpMethod.GET, path, null, reader);
    }

    /** {@link #getStreamed} for a {@code PUT}: the change is made before the first byte of the answer. */
    public <T> T putStreamed(String path, JsonNode body, AnswerReader<T> reader)
            throws ApiException, ConnectionException {
        return stream(HttpMethod.PUT, path, body, reader);
    }

    /** Consumes an answer from a parser positioned before its first token. */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(JsonParser answer) throws IOException;
    }

    private JsonNode send(HttpMethod method, String path, JsonNode body) throws ApiException, ConnectionException {
        Exchange exchange = open(method, path, body);
        try (InputStream content = exchange.content()) {
            byte[] bytes = content.readAllBytes();
            return interpret(exchange.response(), bytes);
        } catch (IOException e) {
            throw failures.brokenAnswer(e);
        }
    }

    private <T> T stream(HttpMethod method, String path, JsonNode body, AnswerReader<T> reader)
            throws ApiException, ConnectionException {
        Exchange exchange = open(method, path, body);
        InputStream content = exchange.content();
        try {
            Response response = exchange.response();
            if (!successful(response.getStatus())) {
                byte[] bytes;
                try {
                    bytes = content.readAllBytes();
                } catch (IOException e) {
                    throw failures.brokenAnswer(e);
                }
                warnIfStale(response);
                throw new ApiException(response.getStatus(),
                        errorText(response.getStatus(), response.getReason(), parse(bytes), bytes));
            }
            warnIfStale(response);
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

    private static void closeQuietly(InputStream content) {
        try {
            content.close();
        } catch (IOException e) {
            // the answer is done with either way
        }
    }

    private record Exchange(Response response, InputStream content) {
    }

    /** Sends the request and waits for the status and headers; the body is then read from {@code content}. */
    private Exchange open(HttpMethod method, String path, JsonNode body) throws ConnectionException {
        Request request = http.newRequest(URI.create(baseUri() + path))
                .method(method)
                .idleTimeout(ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .headers(h -> h.put(HttpHeader.ACCEPT, "application/json"));
        if (endpoint instanceof Endpoint.UnixSocket socket) {
            request.transport(new Transport.TCPUnix(socket.path()));
        }
        credentials.ifPresent(c -> request.headers(h -> h.put(HttpHeader.AUTHORIZATION, c.basicAuthorization())));
        if (body != null) {
            request.body(new StringRequestContent("application/json", toJson(body), StandardCharsets.UTF_8));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response response = listener.get(ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new Exchange(response, listener.getInputStream());
        } catch (ExecutionException e) {
            throw failures.translate(e.getCause());
        } catch (TimeoutException e) {
            request.abort(e);
            throw failures.translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.translate(e);
        }
    }

    private String baseUri() {
        if (endpoint instanceof Endpoint.Https https) {
            return "https://" + https.authority();
        }
        return "http://localhost";
    }

    private JsonNode interpret(Response response, byte[] bytes) throws ApiException {
        warnIfStale(response);
        int status = response.getStatus();
        JsonNode json = parse(bytes);
        if (successful(status)) {
            return json == null ? mapper.createObjectNode() : json;
        }
        throw new ApiException(status, errorText(status, response.getReason(), json, bytes));
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    private void warnIfStale(Response response) {
        if ("true".equals(response.getHeaders().get(STALE_HEADER)) && !warnedStale) {
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

    private String toJson(JsonNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the request body", e);
        }
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // nothing left to do for a client that is going away
        }
    }
}
