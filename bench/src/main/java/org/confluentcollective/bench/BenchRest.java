package org.confluentcollective.bench;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A minimal HTTPS client for members on loopback with Basic auth. It trusts any certificate
 * (each member's is self-signed; this is a benchmark on 127.0.0.1, not a client to copy). One
 * instance serves any number of members and threads.
 */
final class BenchRest implements AutoCloseable {

    private static final int MAX_ANSWER_BYTES = 256 * 1024 * 1024;

    private final HttpClient client;
    private final String authorization;

    BenchRest(String user, String password) throws Exception {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setTrustAll(true);
        tls.setEndpointIdentificationAlgorithm(null);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setMaxConnectionsPerDestination(64);
        client.start();
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request to the member on {@code port} and returns the body; fails on a non-2xx answer. */
    String call(int port, HttpMethod method, String path, String body) throws Exception {
        var request = client.newRequest("https://127.0.0.1:" + port + path).method(method)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, authorization))
                .timeout(180, TimeUnit.SECONDS);
        if (body != null) {
            request.body(new BytesRequestContent("application/json", body.getBytes(StandardCharsets.UTF_8)));
        }
        // Reads of all 100,000 nodes answer several MB: more than send()'s 2 MB buffer.
        ContentResponse response;
        try {
            response = new CompletableResponseListener(request, MAX_ANSWER_BYTES).send().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (response.getStatus() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " on port " + port + " -> " + response.getStatus()
                    + " " + abbreviate(response.getContentAsString()));
        }
        return response.getContentAsString();
    }

    /** What a streamed GET delivered, and when. */
    record Streamed(int status, long bytes, long firstByteNanos, long totalNanos, boolean complete) {
    }

    /**
     * A GET whose answer is counted, not kept (an answer for 100,000 nodes is hundreds of MB);
     * complete means it ends like a whole JSON object.
     */
    Streamed stream(int port, String path) throws Exception {
        long start = System.nanoTime();
        InputStreamResponseListener listener = new InputStreamResponseListener();
        client.newRequest("https://127.0.0.1:" + port + path).method(HttpMethod.GET)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, authorization))
                .idleTimeout(180, TimeUnit.SECONDS).send(listener);
        var response = listener.get(180, TimeUnit.SECONDS);
        long bytes = 0;
        long firstByte = -1;
        byte last = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream content = listener.getInputStream()) {
            for (int n; (n = content.read(buffer)) >= 0; ) {
                if (n > 0) {
                    if (firstByte < 0) {
                        firstByte = System.nanoTime() - start;
                    }
                    bytes += n;
                    last = buffer[n - 1];
                }
            }
        }
        return new Streamed(response.getStatus(), bytes, firstByte, System.nanoTime() - start, last == '}');
    }

    /** A noderange as one percent-encoded path segment. */
    static String encode(String noderange) {
        return URLEncoder.encode(noderange, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
