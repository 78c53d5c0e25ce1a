package org.confluentcollective.cli.transport;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** HTTPS to a member through Jetty's client, trusting only the pinned certificate. */
final class JettyTransport implements HttpTransport {

    private final HttpClient http;
    private final Endpoint.Https endpoint;
    private final Failures failures;

    private JettyTransport(HttpClient http, Endpoint.Https endpoint) {
        this.http = http;
        this.endpoint = endpoint;
        this.failures = new Failures(endpoint);
    }

    static JettyTransport start(Endpoint.Https endpoint, CertificatePinning pinning) throws ConnectionException {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(pinnedContext(pinning));
        tls.setEndpointIdentificationAlgorithm(null); // the pinned fingerprint identifies the member
        HttpClient http = new HttpClient();
        http.setSslContextFactory(tls);
        http.setConnectTimeout(ApiClient.CONNECT_TIMEOUT_MS);
        http.setFollowRedirects(false);
        http.setUserAgentField(null);
        try {
            http.start();
        } catch (Exception e) {
            throw new ConnectionException("cannot start the HTTP client: " + e.getMessage(), e);
        }
        return new JettyTransport(http, endpoint);
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

    @Override
    public Answer open(String method, String target, String authorization, byte[] body) throws ConnectionException {
        Request request = http.newRequest(URI.create("https://" + endpoint.authority() + target))
                .method(method)
                .idleTimeout(ApiClient.ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .headers(h -> h.put(HttpHeader.ACCEPT, "application/json"));
        if (authorization != null) {
            request.headers(h -> h.put(HttpHeader.AUTHORIZATION, authorization));
        }
        if (body != null) {
            request.body(new BytesRequestContent("application/json", body));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response response = listener.get(ApiClient.ANSWER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new Answer(response.getStatus(), response.getReason(),
                    response.getHeaders().get(ApiClient.STALE_HEADER), listener.getInputStream());
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

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // nothing left to do for a client that is going away
        }
    }
}
