package org.confluentcollective.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.confluentcollective.server.trust.PinnedTrustManager;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTP client for the API: HTTPS with the server's certificate pinned (optionally with
 * Basic credentials), or the local Unix socket. Paths are sent exactly as given (already encoded).
 */
final class ApiClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final Path socket;
    private final String authorization;
    private final boolean ownsHttp;

    private ApiClient(HttpClient http, String base, Path socket, String authorization, boolean ownsHttp) {
        this.http = http;
        this.base = base;
        this.socket = socket;
        this.authorization = authorization;
        this.ownsHttp = ownsHttp;
    }

    static ApiClient https(int port, String fingerprint, String user, String password) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new PinnedTrustManager(List.of(fingerprint))}, null);
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setSslContext(tls);
        ssl.setEndpointIdentificationAlgorithm(null);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        HttpClient http = new HttpClient(new HttpClientTransportDynamic(connector));
        http.start();
        String auth = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(http, "https://127.0.0.1:" + port, null, auth, true);
    }

    static ApiClient socket(Path socket) throws Exception {
        HttpClient http = new HttpClient();
        http.start();
        return new ApiClient(http, "http://localhost", socket, null, true);
    }

    /** The same connection settings with other credentials. */
    ApiClient as(String user, String password) {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(http, base, socket, auth, false);
    }

    Answer get(String path) throws Exception {
        return send(request("GET", path));
    }

    Answer delete(String path) throws Exception {
        return send(request("DELETE", path));
    }

    Answer post(String path, String json) throws Exception {
        return send(request("POST", path).body(new BytesRequestContent("application/json", bytes(json))));
    }

    Answer put(String path, String json) throws Exception {
        return send(request("PUT", path).body(new BytesRequestContent("application/json", bytes(json))));
    }

    Answer send(String method, String path, String contentType, byte[] body) throws Exception {
        Request request = request(method, path);
        if (body != null) {
            request.body(new BytesRequestContent(contentType, body));
        }
        return send(request);
    }

    Request request(String method, String path) {
        Request request = http.newRequest(URI.create(base + path)).method(method).timeout(30, TimeUnit.SECONDS);
        if (socket != null) {
            request.transport(new Transport.TCPUnix(socket));
        }
        if (authorization != null) {
            request.headers(h -> h.put("Authorization", authorization));
        }
        return request;
    }

    Answer send(Request request) throws Exception {
        ContentResponse response = request.send();
        return new Answer(response.getStatus(), response.getHeaders(), response.getMediaType(), response.getContentAsString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        if (ownsHttp) {
            http.stop();
        }
    }

    record Answer(int status, HttpFields headers, String mediaType, String text) {

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON (status " + status + "): " + text, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
