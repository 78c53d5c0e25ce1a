package org.confluentcollective.cli.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private JsonNode send(HttpMethod method, String path, JsonNode body) throws ApiException, ConnectionException {
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
        Response response;
        try {
            response = listener.get(ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failures.translate(e.getCause());
        } catch (TimeoutException e) {
            request.abort(e);
            throw failures.translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.translate(e);
        }
        try (InputStream content = listener.getInputStream()) {
            byte[] bytes = content.readAllBytes();
            return interpret(response, bytes);
        } catch (IOException e) {
            throw failures.brokenAnswer(e);
        }
    }

    private String baseUri() {
        if (endpoint instanceof Endpoint.Https https) {
            return "https://" + https.authority();
        }
        return "http://localhost";
    }

    private JsonNode interpret(Response response, byte[] bytes) throws ApiException {
        if ("true".equals(response.getHeaders().get(STALE_HEADER)) && !warnedStale) {
            // Lock-down (design.md §2): say so once, on stderr, so scripts still parse stdout.
            warnedStale = true;
            notices.println("Warning: this member has no quorum: what it shows may be stale, and changes are refused");
            notices.flush();
        }
        int status = response.getStatus();
        JsonNode json = parse(bytes);
        if (status >= 200 && status < 300) {
            return json == null ? mapper.createObjectNode() : json;
        }
        throw new ApiException(status, errorText(status, response.getReason(), json, bytes));
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
